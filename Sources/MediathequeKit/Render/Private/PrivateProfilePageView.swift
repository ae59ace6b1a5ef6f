import Foundation
import Mustache

/// `profil.html`, "Mon profil": the personal data fields of the guide, in its order.
final class PrivateProfilePageView {
    final class Field {
        let label: String
        let value: String

        init(label: String, value: String) {
            self.label = label
            self.value = value
        }
    }

    let page: PageView
    let nav: PrivateNavigation
    let fields: [Field]
    /// « Modifier mon profil » and « Changer de mot de passe » in the portal.
    let editProfileURL: String?
    let changePasswordURL: String?

    init(bundle: PatronBundle, content: SiteContent) {
        let links = PortalLinks(content.config)
        editProfileURL = links.editProfile
        changePasswordURL = links.changePassword
        page = PageView(content: content, title: PrivateFolderLayout.profile.title, depth: 1, isPrivate: true)
        nav = PrivateNavigation(current: PrivateFolderLayout.profile, depth: 1, patron: bundle.own.patron)
        let p = bundle.own.patron
        func text(_ value: String?) -> String {
            guard let value = HTMLText.clean(value), !Self.isBlank(value) else { return Wording.notGiven }
            return value
        }
        let sex = switch p.sex { case "F": "Femme"; case "M": "Homme"; default: Wording.notGiven }
        fields = [
            Field(label: "Pseudo", value: text(p.pseudo)),
            Field(label: "Code-barres", value: text(p.cardNumber)),
            Field(label: "Adhésion valable jusqu'au", value: p.membershipExpires.french),
            Field(label: "Adresse électronique", value: text(p.email)),
            Field(label: "Nom", value: text(p.lastName)),
            Field(label: "Prénom", value: text(p.firstName)),
            Field(label: "Date de naissance", value: p.birthDate?.french ?? Wording.notGiven),
            Field(label: "Sexe", value: sex),
            Field(label: "Bibliothèque", value: text(p.homeLibrary?.name)),
            Field(label: "Téléphone", value: text(p.phone)),
            Field(label: "Téléphone mobile", value: text(p.mobile)),
            Field(label: "Adresse", value: text(p.address)),
            Field(label: "Complément d'adresse", value: text(p.addressExtra)),
            Field(label: "Code postal", value: text(p.postalCode)),
            Field(label: "Ville", value: text(p.city)),
            Field(label: "Activation des recommandations", value: Wording.yesNo(p.recommendations)),
        ]
    }

    /// Nothing but spaces and tabs: what trimming Foundation's `.whitespaces` leaves empty,
    /// without a `CharacterSet` (three quarters of this view's time).
    static func isBlank(_ value: String) -> Bool {
        value.unicodeScalars.allSatisfy(Text.isWhitespace)
    }
}

// MARK: - Mustache lookup

// Mustache finds each name through these switches rather than a `Mirror`, which took half of a
// build's time; keep them in step with the stored properties (`PrivateViewLookupTests` checks).

extension PrivateProfilePageView.Field: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "label": self.label
        case "value": self.value
        default: nil
        }
    }
}

extension PrivateProfilePageView: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "page": self.page
        case "nav": self.nav
        case "fields": self.fields
        case "editProfileURL": self.editProfileURL
        case "changePasswordURL": self.changePasswordURL
        default: nil
        }
    }
}
