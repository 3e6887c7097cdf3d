/// Byte scans that find where `SideEffectRule`'s two patterns first match in ASCII text, with
/// the regular-expression semantics of ICU (`\s` is tab, LF, VT, FF, CR and space; `\b` is a
/// change between `[A-Za-z0-9_]` and anything else; `^` follows LF, VT, FF or a CR not
/// followed by LF). Text with any non-ASCII byte is left to the regular expressions.
enum SideEffectScan {
    /// What a scan found.
    enum Outcome: Equatable {
        /// The text has a byte ≥ 0x80; the byte scan does not decide it.
        case notASCII
        /// Neither pattern matches.
        case none
        /// The earliest match of either pattern starts at this byte offset.
        case at(Int)
    }

    /// The earliest byte offset at which a side-effect command or an imperative line starts.
    static func firstStart(in text: String) -> Outcome {
        var copy = text
        return copy.withUTF8 { bytes in
            for byte in bytes where byte >= 0x80 { return .notASCII }
            let starts = [firstCommand(bytes), firstImperative(bytes)].compactMap { $0 }
            return starts.min().map(Outcome.at) ?? .none
        }
    }

    /// Commands with side effects (case-sensitive), e.g. `kubectl delete`, `git push`, `DROP TABLE`.
    static func firstCommand(_ t: UnsafeBufferPointer<UInt8>) -> Int? {
        let scan = Bytes(t)
        for i in 0..<t.count where i == 0 || !scan.isWord(i - 1) {
            if scan.commandMatches(at: i) { return i }
        }
        return nil
    }

    /// Lines that begin (after blanks and an optional list marker) with an imperative verb such
    /// as "delete", "deploy" or "send" (case-insensitive).
    static func firstImperative(_ t: UnsafeBufferPointer<UInt8>) -> Int? {
        let scan = Bytes(t)
        var start = 0
        while start < t.count {
            let landed = scan.skipSpaces(start)
            if scan.imperativeMatches(at: landed) { return start }
            // Every line start up to `landed` lands there too; resume after it.
            var next = landed
            while next < t.count {
                let byte = t[next]
                next += 1
                if byte >= 0x0A && byte <= 0x0D, !(byte == 0x0D && next < t.count && t[next] == 0x0A) { break }
            }
            if next >= t.count { break }
            start = next
        }
        return nil
    }
}

/// Bounds-checked reads over an ASCII buffer.
private struct Bytes {
    let t: UnsafeBufferPointer<UInt8>
    init(_ t: UnsafeBufferPointer<UInt8>) { self.t = t }

    func at(_ i: Int) -> UInt8 { i < t.count ? t[i] : 0 }
    func isSpace(_ i: Int) -> Bool {
        let b = at(i)
        return b == 0x20 || (b >= 0x09 && b <= 0x0D)
    }
    func isWord(_ i: Int) -> Bool {
        guard i >= 0, i < t.count else { return false }
        let b = t[i], lower = b | 0x20
        return (b >= 0x30 && b <= 0x39) || (lower >= 0x61 && lower <= 0x7A) || b == 0x5F
    }
    func skipSpaces(_ i: Int) -> Int {
        var j = i
        while j < t.count, isSpace(j) { j += 1 }
        return j
    }
    /// One or more spaces from `i`: the offset after them.
    func spaces(_ i: Int) -> Int? {
        isSpace(i) ? skipSpaces(i) : nil
    }
    /// The offset after `word` at `i` (ASCII-case-folded when `fold`).
    func literal(_ word: StaticString, at i: Int, fold: Bool = false) -> Int? {
        let count = word.utf8CodeUnitCount
        guard i + count <= t.count else { return nil }
        let pin = word.utf8Start
        for k in 0..<count {
            let b = t[i + k], p = pin[k]
            if b == p { continue }
            if fold, p >= 0x61, p <= 0x7A, b == p - 32 { continue }
            return nil
        }
        return i + count
    }
    /// The offset after the first of `words` at `i` that ends on a word boundary.
    func oneOf(_ words: [StaticString], at i: Int, fold: Bool = false) -> Int? {
        for word in words {
            if let end = literal(word, at: i, fold: fold), !isWord(end) { return end }
        }
        return nil
    }
    /// `word`, one or more spaces, then one of `objects` ending on a word boundary.
    func phrase(_ word: StaticString, _ objects: [StaticString], at i: Int) -> Bool {
        guard let end = literal(word, at: i), let next = spaces(end) else { return false }
        return oneOf(objects, at: next) != nil
    }

    func commandMatches(at i: Int) -> Bool {
        switch at(i) {
        case UInt8(ascii: "r"):
            guard i == 0 || at(i - 1) != UInt8(ascii: "-"), let end = literal("rm", at: i), let next = spaces(end) else { return false }
            return at(next) == UInt8(ascii: "-")
        case UInt8(ascii: "k"): return phrase("kubectl", ["delete", "apply", "rollout", "scale", "drain", "replace"], at: i)
        case UInt8(ascii: "h"): return phrase("helm", ["install", "upgrade", "uninstall", "delete"], at: i)
        case UInt8(ascii: "t"): return phrase("terraform", ["apply", "destroy"], at: i)
        case UInt8(ascii: "g"):
            if phrase("git", ["push"], at: i) { return true }
            guard let end = literal("gh", at: i), let next = spaces(end) else { return false }
            for kind: StaticString in ["release", "pr"] {
                if let after = literal(kind, at: next), let object = spaces(after), oneOf(["create", "merge"], at: object) != nil {
                    return true
                }
            }
            return false
        case UInt8(ascii: "d"): return phrase("docker", ["push"], at: i)
        case UInt8(ascii: "n"): return phrase("npm", ["publish"], at: i)
        case UInt8(ascii: "D"):
            return phrase("DROP", ["TABLE", "DATABASE"], at: i) || phrase("DELETE", ["FROM"], at: i)
        case UInt8(ascii: "T"): return phrase("TRUNCATE", ["TABLE", "DATABASE"], at: i)
        case UInt8(ascii: "c"): return curlWrites(at: i)
        default: return false
        }
    }

    /// `curl`, then on the same line a blank, `-X`, optional blanks and a writing method.
    func curlWrites(at i: Int) -> Bool {
        guard let end = literal("curl", at: i), !isWord(end) else { return false }
        var j = end
        while j < t.count {
            if isSpace(j), at(j + 1) == UInt8(ascii: "-"), at(j + 2) == UInt8(ascii: "X"),
                oneOf(["POST", "PUT", "PATCH", "DELETE"], at: skipSpaces(j + 3)) != nil
            {
                return true
            }
            if t[j] == 0x0A { break }
            j += 1
        }
        return false
    }

    static let verbs: [StaticString] = [
        "delete", "drop", "deploy", "publish", "push", "send", "email", "truncate", "wipe", "purge",
        "destroy", "force-push", "roll out",
    ]

    /// Words after a verb that make it no order to act ("push back", "deploy or serve").
    static let notOrders: [StaticString] = ["back", "means", "with", "or", "and"]

    /// A verb at `i` that is an order: not followed (after blanks) by `=`, `(` or `:`, nor by
    /// one of `notOrders`.
    func verbMatches(at i: Int) -> Bool {
        guard let end = oneOf(Self.verbs, at: i, fold: true) else { return false }
        var j = end
        while at(j) == 0x20 || at(j) == 0x09 { j += 1 }
        if j < t.count, t[j] == UInt8(ascii: "=") || t[j] == UInt8(ascii: "(") || t[j] == UInt8(ascii: ":") { return false }
        return j == end || oneOf(Self.notOrders, at: j, fold: true) == nil
    }

    func imperativeMatches(at i: Int) -> Bool {
        let b = at(i)
        if b == UInt8(ascii: "-") || b == UInt8(ascii: "*") || b == UInt8(ascii: "+"), isSpace(i + 1),
            verbMatches(at: skipSpaces(i + 1))
        {
            return true
        }
        if b >= 0x30 && b <= 0x39 {
            var j = i
            while at(j) >= 0x30 && at(j) <= 0x39 { j += 1 }
            if at(j) == UInt8(ascii: ".") || at(j) == UInt8(ascii: ")"), isSpace(j + 1), verbMatches(at: skipSpaces(j + 1)) {
                return true
            }
        }
        return verbMatches(at: i)
    }
}
