import Foundation
import Mustache
@testable import MediathequeKit

/// The kinds of value a view may give the templates: those ``CompiledTemplateTests`` shows
/// the build's renderer renders as swift-mustache does, on every feature a template may use.
///
/// - strings, `Bool`s and `Int`s;
/// - optionals and arrays of these kinds;
/// - views: this module's structs and classes, read by their stored properties (or asked
///   them through `MustacheParent`: ``PrivateViewLookupTests`` checks that the answers
///   are the properties), whose properties are of these kinds.
///
/// Anything else is reported, lambdas and templates first among them (swift-mustache calls
/// or renders them; the build's renderer leaves such a page to swift-mustache). A new kind
/// joins this list with a test of its own in ``CompiledTemplateTests``.
enum TemplateValueKinds {
    static let leaves: [Any.Type] = [String.self, Bool.self, Int.self]

    /// What `view` holds, at any depth, outside the supported kinds: each type's name, with
    /// the first path (from `path`) it was found at.
    static func unsupported(in view: Any, path: String) -> [String: String] {
        var found: [String: String] = [:]
        var visited: Set<ObjectIdentifier> = []
        walk(view, path: path, visited: &visited, found: &found)
        return found
    }

    private static func walk(_ value: Any, path: String, visited: inout Set<ObjectIdentifier>, found: inout [String: String]) {
        let type = Swift.type(of: value)
        if leaves.contains(where: { $0 == type }) { return }
        let mirror = Mirror(reflecting: value)
        if mirror.displayStyle == .optional {
            if let wrapped = mirror.children.first { walk(wrapped.value, path: path, visited: &visited, found: &found) }
        } else if mirror.displayStyle == .collection, value is any MustacheSequence {
            for (index, element) in mirror.children.enumerated() {
                walk(element.value, path: "\(path)[\(index)]", visited: &visited, found: &found)
            }
        } else if mirror.displayStyle == .struct || mirror.displayStyle == .class, isView(value) {
            if mirror.displayStyle == .class, !visited.insert(ObjectIdentifier(value as AnyObject)).inserted { return }
            var level: Mirror? = mirror
            while let properties = level {
                for child in properties.children {
                    walk(child.value, path: "\(path).\(child.label ?? "?")", visited: &visited, found: &found)
                }
                level = properties.superclassMirror
            }
        } else if found[String(reflecting: type)] == nil {
            found[String(reflecting: type)] = path
        }
    }

    /// This module's types, read by their names: not those that render or stand for
    /// something else (whose answers the tests do not cover).
    private static func isView(_ value: Any) -> Bool {
        String(reflecting: Swift.type(of: value)).hasPrefix("MediathequeKit.")
            && !(value is any MustacheCustomRenderable) && !(value is any MustacheCustomRepresentation)
            && !(value is any MustacheSequence) && !(value is any MustacheTransformable)
    }
}

/// Told of each page's view by a build (``TemplateSet/Rendering/observer``), on every worker:
/// the templates rendered, the views seen and what they hold outside ``TemplateValueKinds``.
final class ViewSurvey: @unchecked Sendable {
    private let lock = NSLock()
    private var templates: Set<String> = []
    private var views = 0
    private var unsupported: [String: String] = [:]

    func observe(template: String, view: Any) {
        let found = TemplateValueKinds.unsupported(in: view, path: "\(template): \(type(of: view))")
        lock.withLock {
            templates.insert(template)
            views += 1
            unsupported.merge(found) { first, _ in first }
        }
    }

    var result: (templates: Set<String>, views: Int, unsupported: [String: String]) {
        lock.withLock { (templates, views, unsupported) }
    }
}
