import Foundation

/// Shows characters a reader cannot see: bidirectional controls, zero-width characters and tag
/// characters become visible markers (`<U+202E>`), so a page or report never hides them.
public enum HiddenText {
    /// True for a bidirectional embedding, override or isolate control.
    public static func isBidi(_ value: UInt32) -> Bool {
        (0x202A...0x202E).contains(value) || (0x2066...0x2069).contains(value)
    }

    /// True for a zero-width or invisible formatting character.
    public static func isZeroWidth(_ value: UInt32) -> Bool {
        [0x200B, 0x200C, 0x200D, 0x2060, 0xFEFF, 0x180E, 0x2061, 0x2062, 0x2063, 0x2064].contains(value)
    }

    /// True for a Unicode tag character (U+E0000–U+E007F).
    public static func isTag(_ value: UInt32) -> Bool { (0xE0000...0xE007F).contains(value) }

    /// True when `value` is one `reveal` replaces.
    public static func isHidden(_ value: UInt32) -> Bool { isBidi(value) || isZeroWidth(value) || isTag(value) }

    /// `text` with every hidden character written as `<U+XXXX>`; with `keepJoiners`, U+200C and
    /// U+200D stay (emoji sequences and some scripts need them) — for pages showing whole files.
    public static func reveal(_ text: some StringProtocol, keepJoiners: Bool = false) -> String {
        guard hasLeadByte(String(text)) else { return String(text) }
        var out = ""
        out.unicodeScalars.reserveCapacity(text.unicodeScalars.count)
        for scalar in text.unicodeScalars {
            if isHidden(scalar.value), !(keepJoiners && (scalar.value == 0x200C || scalar.value == 0x200D)) {
                out += marker(scalar.value)
            } else {
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    /// True when `text` holds a UTF-8 lead byte of U+1000 or above (every hidden character's is
    /// 0xE1 or more): the quick test that lets plain text skip the per-character scan.
    static func hasLeadByte(_ text: String) -> Bool {
        var copy = text
        return copy.withUTF8 { hasLeadByte(bytes: $0) }
    }

    /// `hasLeadByte` over UTF-8 bytes; ASCII text is passed over eight bytes at a time.
    static func hasLeadByte(bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let base = bytes.baseAddress else { return false }
        let raw = UnsafeRawPointer(base)
        var index = 0
        while index + 8 <= bytes.count {
            if raw.loadUnaligned(fromByteOffset: index, as: UInt64.self) & 0x8080_8080_8080_8080 != 0 { break }
            index += 8
        }
        for at in index..<bytes.count where bytes[at] >= 0xE1 { return true }
        return false
    }

    /// `<U+202E>`.
    public static func marker(_ value: UInt32) -> String {
        let hex = String(value, radix: 16, uppercase: true)
        return "<U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex + ">"
    }
}

/// `hidden-bidi`, `hidden-zero-width`, `hidden-tag-chars`: invisible characters in any text file.
enum HiddenCharacterScan {
    static func hits(_ file: ScannedText) -> [SecurityHit] {
        guard file.mayHoldHidden else { return [] }
        var bidi: [Int: [UInt32]] = [:], zero: [Int: [UInt32]] = [:], tags: [Int: String] = [:]
        var line = 1, previous: UInt32 = 0, first = true, flag = false
        for scalar in file.text.unicodeScalars {
            let value = scalar.value
            defer { previous = value; first = false }
            if value == 0x0A { line += 1; flag = false; continue }
            if HiddenText.isBidi(value) {
                bidi[line, default: []].append(value)
            } else if HiddenText.isTag(value) {
                // An emoji flag sequence (black flag, tag letters, cancel tag) is a picture, not text.
                if previous == 0x1F3F4 { flag = true }
                if flag { continue }
                if (0xE0020...0xE007E).contains(value) {
                    tags[line, default: ""].unicodeScalars.append(Unicode.Scalar(value - 0xE0000) ?? " ")
                } else {
                    tags[line, default: ""] += ""
                }
            } else if HiddenText.isZeroWidth(value) {
                if value == 0xFEFF && first { continue }
                if (value == 0x200D || value == 0x200C) && joins(previous) { continue }
                zero[line, default: []].append(value)
            } else if !HiddenText.isTag(value) && value != 0xFE0F {
                flag = false
            }
        }
        var out: [SecurityHit] = []
        for (number, values) in bidi.sorted(by: { $0.key < $1.key }) {
            out.append(SecurityHit(
                rule: "hidden-bidi", risk: .critical,
                message: "\(describe(values)) reorders what readers see: \(shown(file, number))",
                file: file.path, line: number))
        }
        for (number, decoded) in tags.sorted(by: { $0.key < $1.key }) {
            let text = decoded.trimmingCharacters(in: .whitespaces)
            out.append(SecurityHit(
                rule: "hidden-tag-chars", risk: .critical,
                message: "invisible tag characters" + (text.isEmpty ? "" : " spell \"\(text.prefix(100))\""),
                file: file.path, line: number))
        }
        for (number, values) in zero.sorted(by: { $0.key < $1.key }) {
            out.append(SecurityHit(
                rule: "hidden-zero-width", risk: .high,
                message: "\(describe(values)) hidden in the text: \(shown(file, number))",
                file: file.path, line: number))
        }
        return out
    }

    /// True when a joiner after `previous` belongs to an emoji sequence or a script that needs it.
    private static func joins(_ previous: UInt32) -> Bool {
        previous >= 0x1F000 || (0x2600...0x27BF).contains(previous) || previous == 0xFE0F
            || (0x0590...0x1FFF).contains(previous) && !(0x1E00...0x1EFF).contains(previous)
            || (0xA800...0xABFF).contains(previous)
    }

    private static func describe(_ values: [UInt32]) -> String {
        let distinct = Array(Set(values)).sorted().map(HiddenText.marker).joined(separator: ", ")
        return values.count == 1 ? distinct : "\(values.count)× \(distinct)"
    }

    /// The line with its hidden characters made visible, shortened.
    static func shown(_ file: ScannedText, _ line: Int) -> String {
        let text = HiddenText.reveal(file.lineText(line).trimmingCharacters(in: .whitespaces))
        return "`" + (text.count > 120 ? String(text.prefix(120)) + "…" : text) + "`"
    }
}
