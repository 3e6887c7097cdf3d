import ArgumentParser
import SkillEx

/// The exit codes SkillEx promises: 0 ok, 1 a check failed, 2 usage or input error.
enum ExitStatus {
    /// Every check passed.
    static let ok = ExitCode(0)
    /// A check failed (invalid skill, refused skill, sync error).
    static let failed = ExitCode(1)
    /// The command line or an input file was wrong.
    static let usage = ExitCode(2)

    /// Prints the one-line message for `error` to stderr and returns the usage exit code.
    static func inputError(_ error: any Error) -> ExitCode {
        // The run is over: no progress line is drawn again below the error.
        StatusLine.shared.clear()
        Terminal.err("skillex: error: " + message(error))
        return usage
    }

    /// The one line for `error`: a `ValidationError`'s own message (Foundation would describe it
    /// as "ArgumentParser.ValidationError error 1"), else `ErrorText.brief`.
    static func message(_ error: any Error) -> String {
        if let validation = error as? ValidationError { return ErrorText.oneLine(validation.message) }
        return ErrorText.brief(error)
    }
}
