import Foundation
import Testing

@testable import SkillExSite

/// `ModelValue.tree` against `ModelEncoder.tree` (swift-mustache's model): the same tree.
@Suite("Typed model trees")
struct ModelValueTests {
    private func text(_ value: Any?) -> String { ModelTreeText.text(value) }

    struct Inner: Encodable {
        var name: String
        var size: Int64
        var ratio: Float?
    }

    /// Writes through nested, unkeyed and super encoders, and a nil.
    struct Custom: Encodable {
        enum Keys: String, CodingKey { case a, b, c, d }
        func encode(to encoder: any Encoder) throws {
            var keyed = encoder.container(keyedBy: Keys.self)
            try keyed.encode("x", forKey: .a)
            try keyed.encodeNil(forKey: .b)
            var nested = keyed.nestedContainer(keyedBy: Keys.self, forKey: .c)
            try nested.encode(UInt8(7), forKey: .a)
            var list = keyed.nestedUnkeyedContainer(forKey: .d)
            try list.encode(true)
            try list.encodeNil()
            try list.encode(Optional<String>.none)
            try list.encode(2.5)
            try Inner(name: "super", size: 1).encode(to: keyed.superEncoder())
        }
    }

    struct Empty: Encodable {}

    struct Sample: Encodable {
        var title = "T"
        var count = 3
        var flag = false
        var missing: String? = nil
        var present: Int? = 4
        var items = [Inner(name: "a", size: 1, ratio: 0.5), Inner(name: "b", size: 2)]
        var optionals: [String?] = ["x", nil, "y"]
        var nothing: Inner? = nil
        var empty = Empty()
        var none: [Inner] = []
        var table = ["k": "v", "l": "w"]
        var custom = Custom()
        var nested: [[Int]] = [[1], []]
    }

    @Test("gives ModelEncoder's tree, leaf for leaf", arguments: [0, 1])
    func matchesModelEncoder(which: Int) {
        let model: any Encodable = which == 0 ? Sample() : [Sample(), Sample(title: "U")]
        #expect(text(ModelValue.tree(model).anyTree) == text(ModelEncoder.tree(model)))
        #expect(text(ModelValue.tree(model).anyTree).contains("UInt8(7)"))
    }

    @Test("a model that encodes to nothing is an empty object")
    func nothing() {
        #expect(text(ModelValue.tree(Optional<Inner>.none).anyTree) == "{}")
        #expect(text(ModelValue.tree(Empty()).anyTree) == "{}")
    }
}
