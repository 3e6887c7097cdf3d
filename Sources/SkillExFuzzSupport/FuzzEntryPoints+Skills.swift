public import Foundation
import SkillEx

extension FuzzEntryPoints {
    /// A whole `SKILL.md` through validation in both modes (front-matter split, strict subset
    /// scan, flat fast path or Yams, spec rules), then the flat fast path checked against Yams.
    public static func skillDocument(_ data: Data) throws(FuzzViolation) {
        guard let text = String(validating: data, as: UTF8.self) else { return }
        for mode in ValidationMode.allCases {
            _ = SpecValidator(mode: mode).validate(text: text, file: "SKILL.md", folderName: "fuzz-skill")
            let fast = SkillDocumentParser.parse(text, file: "SKILL.md", mode: mode)
            let slow = SkillDocumentParser.parse(text, file: "SKILL.md", mode: mode, flatFastPath: false)
            if let document = fast.document, slow.document != document {
                throw FuzzViolation(
                    harness: "skill-document",
                    detail: "\(mode.rawValue) mode: the flat fast path gave \(document.fields.map(\.key)), Yams \(slow.document?.fields.map(\.key) ?? [])")
            }
        }
    }

    /// Front-matter text (between the fences) through the flat fast path and Yams: whatever the
    /// fast path accepts, Yams must read as the same fields.
    public static func frontMatter(_ data: Data) throws(FuzzViolation) {
        guard let yaml = String(validating: data, as: UTF8.self) else { return }
        let document = "---\n\(yaml)\n---\nbody\n"
        let slow = SkillDocumentParser.parse(document, file: "SKILL.md", mode: .standard, flatFastPath: false)
        guard let flat = FlatFrontMatter.fields(yaml[...]) else { return }
        let expected = SkillDocument(fields: flat, body: "body\n")
        guard slow.document == expected else {
            throw FuzzViolation(
                harness: "front-matter",
                detail: "the flat fast path gave \(flat.map { "\($0.key)=\($0.value.display)" }), Yams \(slow.document.map { $0.fields.map { "\($0.key)=\($0.value.display)" } } ?? ["(no document)"])")
        }
    }
}
