/// Why a document is not XML `XMLReader` accepts, and where: a 1-based line, and a 1-based
/// column (in characters) when the reader found the problem itself.
package struct XMLReadError: Error, Equatable, CustomStringConvertible {
    /// 1-based line of the problem.
    var line: Int
    /// 1-based column in Unicode scalars; nil for errors a handler raised from a `.start` line.
    var column: Int?
    /// A short reason, without the position.
    var reason: String

    /// `line 3, column 7` or `line 3`.
    var position: String { column.map { "line \(line), column \($0)" } ?? "line \(line)" }

    /// `line 3, column 7: reason`.
    package var description: String { "\(position): \(reason)" }
}
