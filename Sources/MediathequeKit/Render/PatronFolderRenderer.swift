/// Renders `private/<token>/` for one patron: their own account and each shared account.
struct PatronFolderRenderer {
    static let templates = ["layout", "private/index"]

    let templates: TemplateSet
    let content: SiteContent

    struct AccountView {
        var name: String
        var isOwn: Bool
        var loanLines: [String]
        var holdLines: [String]
    }

    struct IndexView {
        var page: PageView
        var firstName: String
        var accounts: [AccountView]
        var loanCount: Int
        var holdCount: Int
        var historyCount: Int
    }

    func files(for bundle: PatronBundle, token: String) throws -> [RenderedFile] {
        let folder = try BundlePath("private/\(token)")
        let accounts = bundle.accounts.enumerated().map { index, account in
            let summary = account.summary(today: content.today, rules: content.config.rules)
            return AccountView(name: index == 0 ? "Mon compte" : account.patron.displayName, isOwn: index == 0,
                               loanLines: summary.loanLines, holdLines: summary.holdLines)
        }
        let view = IndexView(page: PageView(content: content, title: "Mon compte", depth: 2, isPrivate: true),
                             firstName: bundle.own.patron.firstName, accounts: accounts,
                             loanCount: bundle.accounts.reduce(0) { $0 + $1.loans.count },
                             holdCount: bundle.accounts.reduce(0) { $0 + $1.holds.count },
                             historyCount: bundle.own.history.count)
        return [RenderedFile(path: try folder.appending("index.html"), text: try templates.render("private/index", view))]
    }
}
