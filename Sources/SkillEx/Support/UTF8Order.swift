import Foundation

/// UTF-8 byte order of strings (what `a.utf8.lexicographicallyPrecedes(b.utf8)` gives), by one
/// `memcmp` of the strings' contiguous bytes instead of a generic walk: the order of every sorted
/// key, path and archive entry SkillEx writes.
public enum UTF8Order {
    /// True when `a` comes before `b` in UTF-8 byte order.
    public static func precedes(_ a: String, _ b: String) -> Bool {
        var left = a, right = b
        return left.withUTF8 { x in
            right.withUTF8 { y in
                let common = min(x.count, y.count)
                if common > 0, let p = x.baseAddress, let q = y.baseAddress {
                    let order = memcmp(p, q, common)
                    if order != 0 { return order < 0 }
                }
                return x.count < y.count
            }
        }
    }
}
