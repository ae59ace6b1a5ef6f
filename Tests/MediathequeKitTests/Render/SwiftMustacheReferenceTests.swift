import Foundation
import Mustache
import Testing
@testable import MediathequeKit

/// The demo built again with every template rendered by swift-mustache alone
/// (``TemplateSet/Rendering/swiftMustacheOnly``): the build's own renderer must give the
/// same bundle, byte for byte, and the views may give the templates only what it is shown
/// to render as swift-mustache does (``TemplateValueKinds``).
struct SwiftMustacheReferenceTests {
    /// The reference build, with a survey of its views: those of every build of the demo,
    /// whoever renders them.
    static let reference = Result { () throws -> (build: DemoBuild, survey: ViewSurvey) in
        let survey = ViewSurvey()
        var rendering = TemplateSet.Rendering()
        rendering.swiftMustacheOnly = true
        rendering.observer = { survey.observe(template: $0, view: $1) }
        return (try DemoBuild(into: DemoBuild.processFolder("swift-mustache"), rendering: rendering), survey)
    }

    @Test func theDemoIsTheSameBundleWhenSwiftMustacheRendersEveryPage() throws {
        let built = try DemoBuild.shared(), reference = try Self.reference.get().build
        // Both index the search: all of Pagefind's index but what it orders anew each run.
        let files = PagefindIndex.comparable(built.bundle), referenceFiles = PagefindIndex.comparable(reference.bundle)
        #expect(files.keys.sorted() == referenceFiles.keys.sorted())
        #expect(files.count > 2000 && files.keys.contains("build-manifest.tsv"))
        for (file, bytes) in files.sorted(by: { $0.key < $1.key }) {
            #expect(bytes == referenceFiles[file], "\(file) differs")
        }
    }

    @Test func everyViewOfTheDemoGivesTheTemplatesOnlySupportedKinds() throws {
        let survey = try Self.reference.get().survey.result
        let unsupported = survey.unsupported.sorted { $0.key < $1.key }.map { "\($0.key), at \($0.value)" }
        #expect(unsupported.isEmpty, "outside TemplateValueKinds: \(unsupported)")
        // Every template the build renders as a page (not included by another) was surveyed;
        // the e-mail alerts' are rendered by `mediatheque alerts` (AlertComposerTests).
        let templates = try PublicTestSupport.templates()
        let partials = Set(templates.compiled.values.flatMap(\.partials))
        #expect(survey.templates == templates.names.subtracting(partials).filter { !$0.hasPrefix("alerts/") })
        #expect(survey.views > 1500)
    }

    @Test func theSurveyFindsLambdasAndTemplatesAtAnyDepth() throws {
        let template = try MustacheTemplate(string: "{{x}}")
        let view: [Any?] = [nil, "texte", [MustacheLambda { "x" } as Any?], template]
        let found = TemplateValueKinds.unsupported(in: view, path: "view")
        #expect(found == ["Mustache.MustacheLambda": "view[2][0]", "Mustache.MustacheTemplate": "view[3]"])
    }
}
