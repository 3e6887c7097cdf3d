/// A set of bytes as a 256-bit map: `contains` is two shifts and a mask, where a `Set<UInt8>`
/// hashes the byte (the highlighter asks for every byte of every code block).
struct ByteSet: Sendable, ExpressibleByArrayLiteral {
    private var low: UInt128 = 0
    private var high: UInt128 = 0

    init(arrayLiteral bytes: UInt8...) {
        for byte in bytes { insert(byte) }
    }

    mutating func insert(_ byte: UInt8) {
        if byte < 128 { low |= 1 << UInt128(byte) } else { high |= 1 << UInt128(byte - 128) }
    }

    @inline(__always) func contains(_ byte: UInt8) -> Bool {
        byte < 128 ? low & (1 << UInt128(byte)) != 0 : high & (1 << UInt128(byte - 128)) != 0
    }
}
