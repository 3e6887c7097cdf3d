public import Foundation
import SkillEx

extension FuzzEntryPoints {
    /// Bytes through the scorer's reader for the report kind `harness` names (`sarif`, `lcov`,
    /// `cobertura`, `excoveralls`, `credo`, `dialyzer`): errors are fine, traps are not.
    public static func report(_ harness: String, _ data: Data) {
        switch harness {
        case "sarif": _ = try? SarifReader.read(data, file: "fuzz.sarif")
        case "lcov": _ = try? LcovReader.read(data, file: "fuzz.lcov")
        case "cobertura": _ = try? CoberturaReader.read(data, file: "fuzz.xml")
        case "excoveralls": _ = try? ExCoverallsReader.read(data, file: "fuzz.json")
        case "credo": _ = try? CredoReader.read(data, file: "fuzz.json")
        case "dialyzer": _ = try? DialyzerReader.read(data, file: "fuzz.txt")
        default: break
        }
    }
}
