import Foundation
import SkillEx

/// Prints Encodable values as pretty, stable JSON on stdout.
enum JSONOutput {
    /// Encodes `value` with sorted keys and 2-space indentation and prints it.
    static func print<T: Encodable>(_ value: T) throws {
        Terminal.writeJSON(try JSONWriter.data(value))
    }
}
