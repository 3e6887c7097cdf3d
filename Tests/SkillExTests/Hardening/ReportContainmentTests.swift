import Foundation
import SkillEx
import SkillExTestSupport
import Testing

@Suite("Report files stay inside the repository or hub, and errors never echo their content")
struct ReportContainmentTests {
    static let hub = """
        -- repos/acme/reports/ok.lcov --
        SF:skills/pdf/run.sh
        DA:1,1
        end_of_record
        -- outside/secret.txt --
        SECRET-LINE:not for anyone's eyes
        """

    @Test("a symlink or a path leading outside is refused without reading it")
    func outside() throws {
        let ws = try TestWorkspace(Self.hub)
        defer { ws.remove() }
        try FileManager.default.createSymbolicLink(
            atPath: ws.url("repos/acme/reports/link.lcov").path, withDestinationPath: ws.url("outside/secret.txt").path)
        let roots = [ws.url("repos/acme"), ws.url("hub")]
        for path in ["reports/link.lcov", "../../outside/secret.txt", ws.url("outside/secret.txt").path] {
            let error = #expect(throws: IngestError.self) {
                try RepositoryReports.load([(ReportSpec(kind: .lcov, path: path), ws.url("repos/acme"))], inside: roots)
            }
            #expect(error?.description.contains("outside the repository and the hub (not read)") == true)
            #expect(error?.description.contains("SECRET") == false)
        }
        let read = try RepositoryReports.load([(ReportSpec(kind: .lcov, path: "reports/ok.lcov"), ws.url("repos/acme"))], inside: roots)
        #expect(read.hasCoverage)
    }

    @Test("a FIFO report is named as one, not read")
    func fifo() throws {
        let ws = try TestWorkspace(Self.hub)
        defer { ws.remove() }
        #expect(mkfifo(ws.url("repos/acme/reports/pipe.sarif").path, 0o644) == 0)
        let error = #expect(throws: IngestError.self) {
            try RepositoryReports.load(
                [(ReportSpec(kind: .sarif, path: "reports/pipe.sarif"), ws.url("repos/acme"))], inside: [ws.url("repos/acme")])
        }
        #expect(error?.description.contains("FIFO") == true)
    }

    @Test("parse errors name the file and the place (line, or JSON path), never the text", arguments: [
        (ReportKind.dialyzer, "SECRET-LINE not dialyzer\n"),
        (ReportKind.lcov, "SF:a\nDA:SECRET,1\n"),
        (ReportKind.lcov, "SECRET-LINE without a colon\n"),
        (ReportKind.sarif, #"{"version": "SECRET", "runs": []}"#),
        (ReportKind.sarif, #"{"version": "2.1.0", "runs": [{"results": [{"level": "SECRET"}]}]}"#),
    ])
    func noEcho(_ kind: ReportKind, _ text: String) throws {
        let ws = try TestWorkspace("-- repos/acme/r.txt --\n" + text)
        defer { ws.remove() }
        let error = #expect(throws: IngestError.self) {
            try RepositoryReports.load([(ReportSpec(kind: kind, path: "r.txt"), ws.url("repos/acme"))], inside: [ws.url("repos/acme")])
        }
        #expect(error != nil)
        let description = error?.description ?? ""
        #expect(!description.contains("SECRET"), "\(description)")
        #expect(description.contains("r.txt: "), "\(description)")
        #expect(kind == .sarif || description.contains(": line "), "\(description)")
    }
}
