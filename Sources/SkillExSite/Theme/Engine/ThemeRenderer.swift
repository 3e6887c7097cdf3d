/// Renders `ThemeTemplate`s from a `ModelValue` into bytes, with swift-mustache's rules: names
/// looked up from the innermost value out, lists repeat a section, `false`, a missing name or an
/// empty list skip it, partial indentation added after each line break a token continues.
struct ThemeRenderer {
    /// Templates a partial or parent tag may name.
    let library: [String: ThemeTemplate]
    private var stack: [ModelValue]
    private(set) var output: [UInt8] = []

    init(library: [String: ThemeTemplate], model: ModelValue) {
        self.library = library
        stack = [model]
        output.reserveCapacity(16_384)
    }

    /// Appends `template` rendered with the blocks `inherited` replaces.
    mutating func render(_ template: ThemeTemplate, indentation: [UInt8]?, inherited: [String: ThemeTemplate]?) {
        guard let indentation, !indentation.isEmpty else {
            for token in template.tokens { render(token, indentation: indentation, inherited: inherited) }
            return
        }
        let start = output.count
        for token in template.tokens {
            guard endsLine(after: start) else {
                render(token, indentation: indentation, inherited: inherited)
                continue
            }
            output.append(contentsOf: indentation)
            let mark = output.count
            render(token, indentation: indentation, inherited: inherited)
            if output.count == mark { output.removeLast(indentation.count) }
        }
    }

    /// Whether what this template wrote since `start` ends with a `\n` character (`\r\n` is
    /// one character, not a `\n`).
    private func endsLine(after start: Int) -> Bool {
        let count = output.count
        guard count > start, output[count - 1] == 0x0A else { return false }
        return count - 2 < start || output[count - 2] != 0x0D
    }

    private mutating func render(_ token: ThemeToken, indentation: [UInt8]?, inherited: [String: ThemeTemplate]?) {
        switch token {
        case .text(let text):
            output.append(contentsOf: text)
        case .variable(let name, let escaped):
            guard let value = lookup(name) else { return }
            switch value {
            case .string(let text):
                if escaped { HTMLEscaper.append(text, to: &output) } else { output.append(contentsOf: text.utf8) }
            case .number(let text, _): output.append(contentsOf: text.utf8)
            case .bool(let flag): output.append(contentsOf: (flag ? "true" : "false").utf8)
            case .list, .object:
                // As swift-mustache prints it (a dictionary's key order varies from run to run).
                if escaped { HTMLEscaper.append(value.described, to: &output) } else { output.append(contentsOf: value.described.utf8) }
            }
        case .section(let name, let body, let inverted):
            let value = lookup(name)
            if inverted {
                renderInverted(value, body, indentation: indentation, inherited: inherited)
            } else {
                renderSection(value, body, indentation: indentation, inherited: inherited)
            }
        case .blockDefinition:
            break
        case .blockExpansion(let name, let fallback, let indented):
            render(inherited?[name] ?? fallback, indentation: (indentation ?? []) + indented, inherited: inherited)
        case .partial(let name, let indented, let inherits):
            guard let template = library[name] else { return }
            let inner = indented.map { (indentation ?? []) + $0 } ?? indentation
            var blocks = inherited
            if let inherits {
                blocks = inherited.map { $0.merging(inherits) { kept, _ in kept } } ?? inherits
            }
            render(template, indentation: inner, inherited: blocks)
        }
    }

    private mutating func renderSection(
        _ value: ModelValue?, _ body: ThemeTemplate, indentation: [UInt8]?, inherited: [String: ThemeTemplate]?
    ) {
        switch value {
        case .none, .bool(false):
            return
        case .bool(true):
            render(body, indentation: indentation, inherited: inherited)
        case .list(let items):
            for item in items { renderPushed(item, body, indentation: indentation, inherited: inherited) }
        case .some(let value):
            renderPushed(value, body, indentation: indentation, inherited: inherited)
        }
    }

    private mutating func renderInverted(
        _ value: ModelValue?, _ body: ThemeTemplate, indentation: [UInt8]?, inherited: [String: ThemeTemplate]?
    ) {
        switch value {
        case .none, .bool(false):
            render(body, indentation: indentation, inherited: inherited)
        case .list(let items) where items.isEmpty:
            renderPushed(.list(items), body, indentation: indentation, inherited: inherited)
        default:
            return
        }
    }

    private mutating func renderPushed(
        _ value: ModelValue, _ body: ThemeTemplate, indentation: [UInt8]?, inherited: [String: ThemeTemplate]?
    ) {
        stack.append(value)
        render(body, indentation: indentation, inherited: inherited)
        stack.removeLast()
    }

    /// The value `name` names: the first part from the innermost value that has it (or the
    /// current value only, for a leading dot), the other parts from there.
    private func lookup(_ name: ThemeName) -> ModelValue? {
        guard let top = stack.last else { return nil }
        if name.isCurrent { return top }
        guard let first = name.parts.first else { return top }
        var value: ModelValue
        if name.isAnchored {
            guard let found = top.member(first) else { return nil }
            value = found
        } else {
            guard let found = stack.reversed().lazy.compactMap({ $0.member(first) }).first else { return nil }
            value = found
        }
        for part in name.parts.dropFirst() {
            guard let next = value.member(part) else { return nil }
            value = next
        }
        return value
    }
}
