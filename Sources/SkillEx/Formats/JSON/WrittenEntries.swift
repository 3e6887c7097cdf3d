import Foundation

/// The items of a JSON array as a file SkillEx wrote holds them: the values read back, and the
/// byte range of each in the file's bytes. Saving the file again copies an item that is still
/// equal to the one read at its place, instead of encoding it again; that gives the same bytes
/// only because SkillEx wrote the file with the same encoder (callers make sure of that).
struct WrittenEntries<Item: Equatable>: @unchecked Sendable {
    /// The file's bytes.
    let bytes: Data
    /// Each item's range in `bytes`, offsets from its start.
    let spans: [Range<Int>]
    /// The items as read.
    let items: [Item]

    /// Nil unless there is one range per item, each inside `bytes`.
    init?(bytes: Data, spans: [Range<Int>], items: [Item]) {
        guard spans.count == items.count, spans.allSatisfy({ $0.lowerBound >= 0 && $0.upperBound <= bytes.count })
        else { return nil }
        self.bytes = bytes
        self.spans = spans
        self.items = items
    }

    /// Appends the written bytes of item `index` and returns true when `item` equals it.
    func copy(_ index: Int, equalTo item: Item, into out: inout [UInt8]) -> Bool {
        guard index < items.count, items[index] == item else { return false }
        let span = spans[index]
        bytes.withUnsafeBytes { raw in
            out.append(contentsOf: UnsafeRawBufferPointer(rebasing: raw[span]))
        }
        return true
    }
}
