import Foundation
import Testing
@testable import MediathequeKit

/// A staff template that cannot render as written stops the build before anything is
/// written, saying where and what, in words.
struct TemplateChecksTests {
    /// The templates folder with these files, as the build loads it.
    func load(_ files: [String: String]) throws -> TemplateSet {
        let dir = try TemporaryDirectory()
        for (name, text) in files {
            let url = dir.url.appendingPathComponent(name + ".mustache")
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: url)
        }
        return try TemplateSet(directory: dir.url)
    }

    func problem(_ files: [String: String]) -> String {
        do {
            _ = try load(files)
            return "no problem"
        } catch {
            return "\(error)"
        }
    }

    /// swift-mustache drops a missing partial silently: every page was published without it.
    @Test func aMissingPartialIsNamedWhereItStands() {
        let found = problem(["private/page": "<h1>Prêts</h1>\n<p>{{title}}</p> {{> private/nope}}\n"])
        #expect(found.hasSuffix("private/page.mustache:2:18: the partial 'private/nope' does not exist (no private/nope.mustache in the templates folder)"), "\(found)")
    }

    /// Rendering a cycle never ended: the build died of a segmentation fault.
    @Test func aPartialThatIncludesItselfIsRefused() {
        #expect(problem(["a": "x{{>a}}"]).hasSuffix("a.mustache:1:2: the partial 'a' includes itself (a → a): rendering it would never end"))
        let found = problem(["a": "{{>b}}", "b": "\n  {{> c}}", "c": "{{#items}}{{>a}}{{/items}}"])
        #expect(found.hasSuffix("c.mustache:1:11: the partial 'a' includes itself (a → b → c → a): rendering it would never end"), "\(found)")
        // A parent template is a reference too; a diamond is no cycle.
        #expect(problem(["page": "{{<layout}}{{$content}}{{>part}}{{/content}}{{/layout}}", "layout": "{{$content}}{{/content}}",
                         "part": "{{>leaf}}", "other": "{{>leaf}}", "leaf": "ok"]) == "no problem")
    }

    @Test func parseErrorsAreInWords() {
        let found = problem(["p": "{{#loans}}\n{{/prets}}"])
        #expect(found.contains("p.mustache:2:") && found.contains("does not close the section opened last"), "\(found)")
        #expect(!found.contains("sectionCloseNameIncorrect"))
    }

    @Test func theShippedTemplatesPass() throws {
        _ = try TemplateSet(directory: Repository.templates)
    }
}
