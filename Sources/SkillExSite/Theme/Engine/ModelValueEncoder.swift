/// Encodes a view model straight into a `ModelValue`: leaves (most of a model) go into their
/// container's dictionary or array without a node of their own, and no coding path is kept
/// (nothing here reads it). Same tree as `ModelEncoder`'s: nils and empty values left out.
struct ModelValueEncoder: Encoder {
    /// What one value's containers write into.
    final class Slot {
        var leaf: ModelValue?
        var fields: [String: Member]?
        var items: [Member]?

        /// The finished value; nil for an empty slot.
        var value: ModelValue? {
            if let leaf { return leaf }
            if let items { return .list(items.compactMap(\.value)) }
            if let fields {
                var out: [String: ModelValue] = [:]
                out.reserveCapacity(fields.count)
                for (key, member) in fields {
                    if let value = member.value { out[key] = value }
                }
                return .object(out)
            }
            return nil
        }
    }

    /// A member or item: finished, or a slot a nested container is still filling.
    enum Member {
        case done(ModelValue?)
        case open(Slot)

        var value: ModelValue? {
            switch self {
            case .done(let value): value
            case .open(let slot): slot.value
            }
        }
    }

    let slot: Slot
    var codingPath: [any CodingKey] { [] }
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    /// The tree of `value`: a leaf as it is, anything else through its `encode(to:)`.
    static func value<T: Encodable>(_ value: T) throws -> ModelValue? {
        if let leaf = ModelValue.leaf(value) { return leaf }
        let slot = Slot()
        try value.encode(to: ModelValueEncoder(slot: slot))
        return slot.value
    }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        if slot.fields == nil { slot.fields = [:] }
        return KeyedEncodingContainer(Keyed<Key>(slot: slot))
    }

    func unkeyedContainer() -> any UnkeyedEncodingContainer {
        if slot.items == nil { slot.items = [] }
        return Unkeyed(slot: slot)
    }

    func singleValueContainer() -> any SingleValueEncodingContainer { Single(slot: slot) }

    /// A new member `key` of `slot` for a nested container to fill.
    private static func open(_ key: String, in slot: Slot) -> ModelValueEncoder {
        let child = Slot()
        slot.fields?[key] = .open(child)
        return ModelValueEncoder(slot: child)
    }

    private static func append(to slot: Slot) -> ModelValueEncoder {
        let child = Slot()
        slot.items?.append(.open(child))
        return ModelValueEncoder(slot: child)
    }

    // Every primitive `encode` overload reaches the generic one; nils are left out.

    private struct Keyed<Key: CodingKey>: KeyedEncodingContainerProtocol {
        let slot: Slot
        var codingPath: [any CodingKey] { [] }

        mutating func encodeNil(forKey key: Key) throws {}
        mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws {
            slot.fields?[key.stringValue] = .done(try ModelValueEncoder.value(value))
        }
        mutating func nestedContainer<NestedKey: CodingKey>(
            keyedBy keyType: NestedKey.Type, forKey key: Key
        ) -> KeyedEncodingContainer<NestedKey> {
            ModelValueEncoder.open(key.stringValue, in: slot).container(keyedBy: keyType)
        }
        mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
            ModelValueEncoder.open(key.stringValue, in: slot).unkeyedContainer()
        }
        mutating func superEncoder() -> any Encoder { ModelValueEncoder(slot: slot) }
        mutating func superEncoder(forKey key: Key) -> any Encoder { ModelValueEncoder.open(key.stringValue, in: slot) }
    }

    private struct Unkeyed: UnkeyedEncodingContainer {
        let slot: Slot
        var codingPath: [any CodingKey] { [] }
        var count: Int { slot.items?.count ?? 0 }

        mutating func encodeNil() throws { slot.items?.append(.done(nil)) }
        mutating func encode<T: Encodable>(_ value: T) throws { slot.items?.append(.done(try ModelValueEncoder.value(value))) }
        mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type) -> KeyedEncodingContainer<NestedKey> {
            ModelValueEncoder.append(to: slot).container(keyedBy: keyType)
        }
        mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer {
            ModelValueEncoder.append(to: slot).unkeyedContainer()
        }
        mutating func superEncoder() -> any Encoder { ModelValueEncoder.append(to: slot) }
    }

    private struct Single: SingleValueEncodingContainer {
        let slot: Slot
        var codingPath: [any CodingKey] { [] }

        mutating func encodeNil() throws {}
        mutating func encode<T: Encodable>(_ value: T) throws {
            if let leaf = ModelValue.leaf(value) {
                slot.leaf = leaf
            } else {
                try value.encode(to: ModelValueEncoder(slot: slot))
            }
        }
    }
}
