import Foundation
import Mustache
import Testing
@testable import MediathequeKit

/// The build renders templates itself (``CompiledTemplate``); its output must be
/// swift-mustache's, byte for byte, on every feature a staff template may use (and on the
/// whole demo: ``SwiftMustacheReferenceTests``).
struct CompiledTemplateTests {
    struct Row { var title: String; var due: String?; var count: Int; var late: Bool }
    struct Box: MustacheParent {
        var values: [String: Any]
        func child(named name: String) -> Any? { values[name] }
    }
    struct Page {
        var title = "Prêts <en cours> & \"réservés\" l'été"
        var rows = [Row(title: "Tintin", due: "02/04/2025", count: 2, late: false),
                    Row(title: "<b>Astérix</b>", due: nil, count: 0, late: true)]
        var none: [Row] = []
        var names = ["Anne", "Bruno"]
        var missing: String?
        var present: String? = "là"
        var nested = Box(values: ["inner": Box(values: ["leaf": "feuille"]), "flag": true, "title": "boîte"])
        var total = 42
        var ratio = 1.5
        var crlf = "a\r\nb"
    }

    /// Renders `templates[main]` with both engines and expects the same bytes.
    func same(_ templates: [String: String], main: String = "main", _ object: Any = Page(),
              sourceLocation: SourceLocation = #_sourceLocation) throws {
        let set = try TemplateSet(templates: templates.mapValues { try MustacheTemplate(string: $0) })
        #expect(set.compiled[main] != nil, "\(main) was not compiled", sourceLocation: sourceLocation)
        let fast = try set.render(main, object)
        let reference = try set.swiftMustacheOnly.render(main, object)
        #expect(fast == reference, sourceLocation: sourceLocation)
    }

    @Test func variablesEscapedAndNot() throws {
        try same(["main": "<p title=\"{{title}}\">{{title}}</p>\n{{{title}}}|{{&title}}|{{total}}|{{ratio}}|{{missing}}|{{present}}|{{crlf}}\n"])
    }

    @Test func sectionsOverEveryKindOfValue() throws {
        try same(["main": """
            {{#rows}}<tr class="{{#late}}late{{/late}}{{^late}}ok{{/late}}"><td>{{title}}</td><td>{{due}}{{^due}}—{{/due}}</td><td>{{count}}</td></tr>
            {{/rows}}
            {{#none}}never{{/none}}{{^none}}Aucun prêt ({{.}}){{/none}}
            {{#names}}<li>{{.}}</li>{{/names}}
            {{#missing}}no{{/missing}}{{^missing}}absent{{/missing}}
            {{#present}}[{{.}}]{{/present}}{{^present}}no{{/present}}
            {{#title}}{{.}}{{/title}}{{^title}}no{{/title}}
            {{#total}}{{.}}{{/total}}
            {{#nested.flag}}drapeau{{/nested.flag}}

            """])
    }

    /// Values whose casts differ from their types: optionals (some and none, nested), Foundation
    /// objects, `AnyHashable`, and look-alikes (`Substring`, `Int8`). The renderer asks the runtime
    /// only for the first three kinds; the answers must stay swift-mustache's.
    @Test func valuesThatCastOtherwiseThanTheirTypes() throws {
        let values: [String: Any] = [
            "yes": Bool?.some(true) as Any, "no": Bool?.some(false) as Any, "none": Bool?.none as Any,
            "number": Int?.some(7) as Any, "deep": String??.some(.some("profond")) as Any,
            "deepNone": String??.some(.none) as Any,
            "nsYes": NSNumber(value: true), "nsZero": NSNumber(value: 0), "nsText": NSString(string: "ns <b>"),
            "hashedYes": AnyHashable(true), "hashedText": AnyHashable("haché"), "flags": [true, false],
            "slice": "une tranche".dropFirst(4), "small": Int8(3), "real": 2.5, "nsSeven": NSNumber(value: 7),
            "list": [Int]?.some([1, 2]) as Any, "listNone": [Int]?.none as Any, "hashedSet": AnyHashable(Set([1])),
        ]
        let names = values.keys.sorted()
        let template = names.map { "\($0): [{{\($0)}}] {{#\($0)}}oui({{.}}){{/\($0)}}{{^\($0)}}non{{/\($0)}}" }.joined(separator: "\n")
        let templates = ["main": "{{#box}}\n" + template + "\n{{/box}}\n"]
        try same(templates, Box(values: ["box": Box(values: values)]))
        // One renderer, page after page, as a build's worker: values of a type it met first as
        // `some` now `none`, and the other way round, must not take what it learnt of the type.
        var swapped = values
        for (a, b) in [("list", "listNone"), ("yes", "none"), ("deep", "deepNone"), ("hashedSet", "hashedText")] {
            (swapped[a], swapped[b]) = (values[b], values[a])
        }
        let set = try TemplateSet(templates: templates.mapValues { try MustacheTemplate(string: $0) })
        let pages = TemplateSet.PageRenderer(set)
        for object in [values, swapped, values].map({ Box(values: ["box": Box(values: $0)]) }) {
            let fast = String(decoding: try pages.render("main", object), as: UTF8.self)
            #expect(fast == (try set.swiftMustacheOnly.render("main", object)))
        }
    }

    /// The renderer's table of what it learnt of each type, past the sizes it grows at.
    @Test func theTraitsTableFindsEveryTypeItHolds() {
        var table = TemplateRenderer.TraitsTable()
        let objects = (0..<1000).map { _ in NSObject() }
        let traits = objects.map { _ in TemplateRenderer.Traits(of: 0) }
        for (object, value) in zip(objects, traits) { table.insert(value, for: ObjectIdentifier(object)) }
        #expect(zip(objects, traits).allSatisfy { table[ObjectIdentifier($0)] === $1 })
        #expect(table[ObjectIdentifier(Self.self)] == nil)
    }

    @Test func dottedNamesAndTheContextStack() throws {
        try same(["main": """
            {{nested.inner.leaf}} {{nested.title}} {{nested.nothing.leaf}} {{.title}}
            {{#nested}}{{title}} {{inner.leaf}} {{total}} {{#inner}}{{leaf}} {{title}} {{.title}} {{nested.title}}{{/inner}}{{/nested}}
            {{#rows}}{{title}}/{{names}}/{{.count}}/{{total}} {{/rows}}

            """])
    }

    @Test func standaloneLinesCommentsAndDelimiters() throws {
        try same(["main": """
            <ul>
              {{#rows}}
              <li>{{title}}</li>
              {{/rows}}
              {{! a comment
               on two lines }}
            </ul>
            {{=<% %>=}}
            <% title %> {{title}}
            <%={{ }}=%>
            {{title}}\r
              {{#late}}\r
            never\r
              {{/late}}\r

            """])
    }

    @Test func indentedPartials() throws {
        try same([
            "main": "<div>\n  {{>item}}\n    {{>item}}\nx {{>item}}\n{{#rows}}\n\t{{>item}}\n{{/rows}}\n</div>\n",
            "item": "<p>{{title}}</p>\n<p>\n{{#names}}\n  {{.}}\n{{/names}}\n</p>\n",
        ])
    }

    @Test func layoutsBlocksAndNestedInheritance() throws {
        let templates = [
            "layout": "<title>{{$title}}Défaut{{/title}}</title>\n<body>\n  {{$content}}\n  vide\n  {{/content}}\n</body>\n{{$footer}}pied{{/footer}}\n",
            "section": "{{<layout}}{{$title}}Section {{title}}{{/title}}{{$content}}\n    <h1>{{$heading}}Titre{{/heading}}</h1>\n{{/content}}{{/layout}}\n",
            "main": "{{<section}}\n{{$heading}}{{title}} — {{#rows}}{{title}} {{/rows}}{{/heading}}\n{{$footer}}{{>partial}}{{/footer}}\n{{/section}}\n",
            "partial": "{{#nested}}{{title}}{{/nested}}\n  second line\n",
        ]
        try same(templates)
        try same(templates, main: "section")
        try same(templates, main: "layout")
    }

    @Test func aMissingPartialRendersNothing() throws {
        try same(["main": "a{{>nowhere}}b\n  {{>nowhere}}\nc\n"])
    }

    /// Transforms and dynamic partials are swift-mustache's own: such a template, and any
    /// template that includes it, is rendered by swift-mustache.
    @Test func featuresOnlySwiftMustacheRendersFallBack() throws {
        let set = try TemplateSet(templates: [
            "upper": try MustacheTemplate(string: "{{uppercased(title)}}"),
            "includes": try MustacheTemplate(string: "<{{>upper}}>"),
            "plain": try MustacheTemplate(string: "{{title}}"),
        ])
        #expect(set.compiled.keys.sorted() == ["plain"])
        let page = Page()
        #expect(try set.render("includes", page) == "<PRÊTS &lt;EN COURS&gt; &amp; &quot;RÉSERVÉS&quot; L&#39;ÉTÉ>")
    }

    /// Every shipped template but the plain-text ones (`{{% CONTENT_TYPE: TEXT}}`: the e-mail
    /// alerts' text part), which swift-mustache renders by design.
    @Test func everyShippedTemplateIsCompiled() throws {
        let set = try PublicTestSupport.templates()
        let plainText = Set(set.sources.filter { String(decoding: $0.bytes, as: UTF8.self).contains("{{% CONTENT_TYPE") }.map(\.name))
        #expect(plainText == ["alerts/message.txt"])
        #expect(Set(set.compiled.keys) == set.names.subtracting(plainText))
    }

    /// A markup character fused with a combining mark is escaped: the hole swift-mustache
    /// left (see ``HTMLText``) is closed by the engine itself.
    @Test func fusedMarkupIsEscaped() throws {
        let set = try TemplateSet(templates: ["main": try MustacheTemplate(string: "<a title=\"{{.}}\">")])
        #expect(try set.render("main", "x\"\u{301} onmouseover=alert(1)") == "<a title=\"x&quot;\u{301} onmouseover=alert(1)\">")
    }

    /// What the renderer reads of swift-mustache's internals reads as it did in 2.1.1; if not
    /// (after an upgrade), every template falls back to swift-mustache: see UPGRADING.md.
    @Test func swiftMustachesInternalsReadAsExpected() {
        #expect(SwiftMustacheInternals.problem == nil, "\(SwiftMustacheInternals.problem ?? "")")
    }

    /// A token of another shape than 2.1.1's is reported, not read as something else.
    @Test func aTokenOfAnotherShapeIsReported() {
        enum Token {
            case text(Substring)
            case variable(name: String)
            case partial(String, indentation: Int, inherits: [String: MustacheTemplate]?)
            case newFeature(String)
        }
        for token in [Token.text("a"), .variable(name: "v"), .partial("p", indentation: 2, inherits: nil), .newFeature("x")] {
            #expect(throws: SwiftMustacheInternals.Change.self, "\(token)") { try TemplateNode(token: token) }
        }
        #expect(throws: SwiftMustacheInternals.Change.self) { try TemplateNode(token: "a plain string") }
    }

    /// Values swift-mustache renders otherwise than its rules (it calls a lambda, renders a template
    /// held in a variable): the build's renderer refuses the page, which swift-mustache renders.
    @Test func valuesOnlySwiftMustacheRendersAreLeftToIt() throws {
        struct View {
            var title = "titre"
            var lambda = MustacheLambda { (text: String) in "<b>\(text)</b>" }
            var optionalLambda: MustacheLambda?? = .some(MustacheLambda { "peut-être" })
            var template = try! MustacheTemplate(string: "<i>{{title}}</i>")
            var box = Box(values: ["inner": MustacheLambda { Box(values: ["leaf": "feuille"]) }])
            var list: [Any] = [MustacheLambda { "élément" }]
        }
        let refused = ["{{lambda}}", "{{&lambda}}", "{{#lambda}}{{title}}{{/lambda}}", "{{^lambda}}no{{/lambda}}", "{{optionalLambda}}",
                       "{{template}}", "{{box.inner.leaf}}", "{{#box}}{{inner.leaf}}{{/box}}", "{{#list}}{{.}}{{/list}}"]
        for text in refused + ["{{title}} {{#list}}{{title}}{{/list}}"] {
            let set = try TemplateSet(templates: ["main": try MustacheTemplate(string: text)])
            var renderer = TemplateRenderer(templates: set.compiled)
            let fast = renderer.render(try #require(set.compiled["main"]), View())
            #expect((fast == nil) == refused.contains(text), "\(text)")
            #expect(try set.render("main", View()) == (try set.swiftMustacheOnly.render("main", View())), "\(text)")
        }
    }
}

extension TemplateSet {
    /// The same templates, every one rendered by swift-mustache alone.
    var swiftMustacheOnly: TemplateSet {
        var set = self
        set.rendering.swiftMustacheOnly = true
        return set
    }
}
