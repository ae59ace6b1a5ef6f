import Mustache
import Testing
@testable import MediathequeKit

/// The private views answer Mustache's lookups with a switch (`MustacheParent`)
/// rather than a `Mirror`; each switch must name every stored property, with its value.
struct PrivateViewLookupTests {
    /// Walks `value`: every `Private…` view must answer each of its stored properties.
    static func check(_ value: Any, path: String, checked: inout Int) {
        let mirror = Mirror(reflecting: value)
        switch mirror.displayStyle {
        case .collection?:
            for (index, element) in mirror.children.enumerated() { check(element.value, path: "\(path)[\(index)]", checked: &checked) }
        case .optional?:
            if let wrapped = mirror.children.first { check(wrapped.value, path: path, checked: &checked) }
        case .struct?, .class?:
            let typeName = String(reflecting: type(of: value))
            guard typeName.hasPrefix("MediathequeKit.Private") || typeName == "MediathequeKit.PageView" else { return }
            guard let parent = value as? any MustacheParent else {
                Issue.record("\(typeName) (\(path)) does not answer Mustache lookups with a switch")
                return
            }
            for child in mirror.children {
                guard let label = child.label else { continue }
                let answer = parent.child(named: label)
                if Mirror(reflecting: child.value).displayStyle == .class {
                    // A view: the very object (a class describes itself by its type's name only).
                    #expect((answer as AnyObject?) === (child.value as AnyObject), "\(typeName).\(label) (\(path))")
                } else {
                    let expected = Mirror(reflecting: child.value).displayStyle == .optional
                        ? Mirror(reflecting: child.value).children.first.map { String(describing: $0.value) }
                        : String(describing: child.value)
                    #expect(answer.map { String(describing: $0) } == expected, "\(typeName).\(label) (\(path))")
                }
                checked += 1
                check(child.value, path: "\(path).\(label)", checked: &checked)
            }
        default:
            return
        }
    }

    @Test func everyStoredPropertyIsFound() throws {
        let fixture = try PrivateFixture(sql: PrivateDataExportTests.sql + """
            INSERT INTO loan (barcode, patron_card, library, borrowed_on, due_on) VALUES
              ('34200000000004', '24200000000002', 'TAR', '{{d-1}}', '{{d+27}}');
            """, config: PrivateFixture.portal)
        defer { fixture.remove() }
        let bundle = try fixture.bundle(PrivateFixture.anne)
        let content = fixture.content
        let shelf = try #require(bundle.own.shelves.first)
        let feeds = [Int64(1): SavedSearchFeed(searchID: 1, title: "Clubs", description: "", items: [])]
        let home = PrivateHomePageView(bundle: bundle, content: content, folderURL: "https://example.org/t/")
        let loans = PrivateLoansPageView(bundle: bundle, content: content)
        let holds = PrivateHoldsPageView(bundle: bundle, content: content)
        let views: [Any] = [
            home, loans, holds,
            PrivateSummaryPageView(bundle: bundle, content: content, holds: holds),
            PrivateHistoryPageView(bundle: bundle, content: content), PrivateFavouritesPageView(bundle: bundle, content: content),
            PrivateShelfPageView(shelf: shelf, bundle: bundle, content: content),
            PrivateReviewsPageView(bundle: bundle, content: content),
            PrivateRegistrationsPageView(bundle: bundle, content: content),
            PrivateSearchesPageView(bundle: bundle, content: content, feeds: feeds),
            PrivateProfilePageView(bundle: bundle, content: content),
        ]
        var checked = 0
        for view in views { Self.check(view, path: String(describing: type(of: view)), checked: &checked) }
        #expect(checked > 150)
    }
}
