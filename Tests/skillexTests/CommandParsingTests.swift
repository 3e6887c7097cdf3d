import ArgumentParser
import Testing

@testable import skillex

@Suite("Command parsing")
struct CommandParsingTests {
    @Test("sync takes every v0.1 flag")
    func syncFlags() throws {
        let command = try SkillExCommand.parseAsRoot([
            "sync", "--manifest", "hub/manifest.json", "--target", "out", "--package-script", "check.sh",
            "--dry-run", "--clock", "2025-01-01T00:00:00Z", "--version", "1.2.3", "--format", "json",
        ])
        let sync = try #require(command as? SyncCommand)
        #expect(sync.common.manifest == "hub/manifest.json")
        #expect(sync.target == "out")
        #expect(sync.packageScript == "check.sh")
        #expect(sync.dryRun)
        #expect(sync.common.clock == "2025-01-01T00:00:00Z")
        #expect(sync.version == "1.2.3")
        #expect(sync.common.format == .json)
    }

    @Test("sync defaults match v0.1")
    func syncDefaults() throws {
        let sync = try #require(try SkillExCommand.parseAsRoot(["sync"]) as? SyncCommand)
        #expect(sync.common.manifest == "manifest.json")
        #expect(sync.target == nil)
        #expect(!sync.dryRun && !sync.force && !sync.strict)
    }

    @Test("validate needs at least one path and knows --strict")
    func validate() throws {
        #expect(throws: (any Error).self) { try SkillExCommand.parseAsRoot(["validate"]) }
        let command = try #require(try SkillExCommand.parseAsRoot(["validate", "--strict", "a", "b"]) as? ValidateCommand)
        #expect(command.paths == ["a", "b"])
        #expect(command.strict)
    }

    @Test("an unknown format is a usage error")
    func badFormat() {
        #expect(throws: (any Error).self) { try SkillExCommand.parseAsRoot(["sync", "--format", "xml"]) }
    }

    @Test("every subcommand has help text with examples")
    func helpHasExamples() {
        for command in SkillExCommand.configuration.subcommands {
            let help = command.helpMessage()
            #expect(!command.configuration.abstract.isEmpty, "\(command) has no abstract")
            #expect(help.contains("Example") || !command.configuration.subcommands.isEmpty || command.configuration.shouldDisplay == false,
                    "\(command._commandName) --help has no examples")
        }
    }
}
