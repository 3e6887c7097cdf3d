/// One piece of an XML document as `XMLReader` meets it, in document order.
package enum XMLEvent: Equatable, Sendable {
    /// A start tag, or an empty-element tag (whose `.end` follows at once): the element's local
    /// name (after any `prefix:`), its attributes by name as written (prefix included), and the
    /// 1-based line of its `<`.
    case start(name: String, attributes: [String: String], line: Int)
    /// Character data inside the root element, references decoded and line ends normalised to
    /// `\n`. One element's text may arrive in several pieces (split by comments, CDATA sections
    /// and child elements), so callers concatenate.
    case text(String)
    /// An end tag (also sent for an empty-element tag), with the local name.
    case end(name: String)
}
