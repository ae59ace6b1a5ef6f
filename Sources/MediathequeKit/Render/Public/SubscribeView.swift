/// "S'abonner au calendrier" (webcal) and "Flux RSS" links.
struct SubscribeView {
    /// What the calendar holds: "Toutes les animations", "Les animations de Carnot".
    var scope: String
    var webcal: String
    var calendarFile: String
    var feed: String
}
