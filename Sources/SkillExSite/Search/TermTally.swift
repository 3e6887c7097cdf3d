/// Weighted counts of terms given as UTF-8 bytes: each occurrence is hashed (FNV-1a) and compared
/// by bytes in an open-addressing table, so a page's thousands of words make one string per
/// distinct term rather than one string and one dictionary hash per word.
struct TermTally {
    /// Every distinct term's bytes, one after another.
    private var arena: [UInt8] = []
    /// Per distinct term: its hash, where its bytes are in `arena`, its weighted count.
    private var hashes: [UInt64] = []
    private var starts: [Int] = []
    private var lengths: [Int] = []
    private var weights: [Int] = []
    /// Open-addressing table of indices into the arrays above (-1: empty); a power of two long.
    private var slots = [Int32](repeating: -1, count: 256)

    /// Adds `weight` to the count of `term`.
    mutating func add(_ term: [UInt8], weight: Int) {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in term { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }
        let mask = slots.count - 1
        var slot = Int(truncatingIfNeeded: hash) & mask
        while slots[slot] >= 0 {
            let index = Int(slots[slot])
            if hashes[index] == hash, lengths[index] == term.count, equals(term, at: starts[index]) {
                weights[index] += weight
                return
            }
            slot = (slot + 1) & mask
        }
        slots[slot] = Int32(hashes.count)
        hashes.append(hash)
        starts.append(arena.count)
        lengths.append(term.count)
        weights.append(weight)
        arena += term
        if hashes.count * 2 > slots.count { grow() }
    }

    /// The counts by term.
    func counts() -> [String: Int] {
        var out: [String: Int] = [:]
        out.reserveCapacity(hashes.count)
        for index in hashes.indices {
            out[String(decoding: arena[starts[index]..<starts[index] + lengths[index]], as: UTF8.self)] = weights[index]
        }
        return out
    }

    private func equals(_ term: [UInt8], at start: Int) -> Bool {
        for offset in 0..<term.count where arena[start + offset] != term[offset] { return false }
        return true
    }

    /// Doubles the table and places every term again.
    private mutating func grow() {
        slots = [Int32](repeating: -1, count: slots.count * 2)
        let mask = slots.count - 1
        for index in hashes.indices {
            var slot = Int(truncatingIfNeeded: hashes[index]) & mask
            while slots[slot] >= 0 { slot = (slot + 1) & mask }
            slots[slot] = Int32(index)
        }
    }
}
