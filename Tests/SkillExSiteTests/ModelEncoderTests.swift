import Foundation
import Testing

@testable import SkillExSite

@Suite("View models encoded for Mustache")
struct ModelEncoderTests {
    private func text(_ value: Any?) -> String { ModelTreeText.text(value) }

    /// The tree `ModelTree` made by reflection before view models were Encodable.
    private func mirrored(_ value: Any) -> Any? {
        let mirror = Mirror(reflecting: value)
        switch mirror.displayStyle {
        case .optional:
            guard let wrapped = mirror.children.first?.value else { return nil }
            return mirrored(wrapped)
        case .struct, .class:
            var fields: [String: Any] = [:]
            for child in mirror.children {
                guard let label = child.label, let converted = mirrored(child.value) else { continue }
                fields[label] = converted
            }
            return fields
        case .collection, .set: return mirror.children.compactMap { mirrored($0.value) }
        default: return value
        }
    }

    private struct Sample: Encodable {
        struct Inner: Encodable { var name: String; var size: Int64; var ratio: Float? }
        var title = "T"
        var score: Double? = 81.5
        var missing: String?
        var count = 3
        var flag = true
        var rows: [Inner] = [Inner(name: "a", size: 12, ratio: 0.5), Inner(name: "b", size: 0, ratio: nil)]
        var empty: [Inner] = []
        var nested: Inner? = Inner(name: "n", size: -1, ratio: nil)
    }

    @Test("the encoded tree equals the reflected one: nil optionals left out, numbers and strings as they are")
    func sameAsReflection() {
        let models: [any Encodable] = [
            Sample(),
            HomePage.SkillRow(
                name: "pdf", href: "skills/acme/pdf/index.html", status: "admitted", statusClass: "ok", score: "82",
                trend: nil, trendClass: "none", description: "<b>x</b>"),
            LineChart.make(
                id: "h", title: "History", yLabel: "score",
                points: [LineChart.Point(x: 0, label: "2025-01-01", value: 70),
                         LineChart.Point(x: 1, label: "2025-01-02", value: 82, flagged: true)],
                maximum: 100, threshold: 70),
        ]
        for model in models {
            #expect(text(ModelTree.convert(model)) == text(mirrored(model)))
        }
    }
}
