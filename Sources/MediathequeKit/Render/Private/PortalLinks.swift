/// The private pages' links into the library's portal, each `nil` where the portal has
/// no such page (its pattern is empty in `site.conf`). Whether the rules allow an action
/// is the caller's to ask first: a late loan gets no renewal link.
///
/// The URLs hold printable ASCII only (the ids are percent-encoded), ready for `href`.
struct PortalLinks {
    let config: SiteConfiguration
    var actions: PortalActions { config.actions }

    init(_ config: SiteConfiguration) { self.config = config }

    func record(_ document: Document) -> String? { config.catalogueRecordURL(document: document.id) }
    func renew(_ loan: Loan) -> String? { actions[.renewLoan]?.url(["loan": String(loan.id), "barcode": loan.barcode]) }
    var renewSelection: String? { actions[.renewLoans]?.url() }
    func cancel(_ hold: Hold) -> String? { actions[.cancelHold]?.url(["hold": String(hold.id)]) }
    func review(_ document: Document) -> String? { actions[.writeReview]?.url(["document": String(document.id)]) }
    func addToFavourites(_ document: Document) -> String? { actions[.addToFavourites]?.url(["document": String(document.id)]) }
    var editProfile: String? { actions[.editProfile]?.url() }
    var changePassword: String? { actions[.changePassword]?.url() }
    var manageSharedAccounts: String? { actions[.manageSharedAccounts]?.url() }
    func edit(_ search: SavedSearch) -> String? { actions[.editSearch]?.url(["search": String(search.id)]) }
    func disable(_ search: SavedSearch) -> String? { actions[.disableSearch]?.url(["search": String(search.id)]) }
    func delete(_ search: SavedSearch) -> String? { actions[.deleteSearch]?.url(["search": String(search.id)]) }
    var portal: String? { actions[.portal]?.url() }
}
