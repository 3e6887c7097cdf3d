import Foundation
import SkillExFuzzSupport

@_silgen_name("LLVMFuzzerRunDriver")
private func runDriver(
    _ argc: UnsafeMutablePointer<CInt>,
    _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
    _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt
) -> CInt

/// What every harness shares: libFuzzer's driver started from the executable's entry point, and
/// one input handed to the library's entry for the harness.
public enum FuzzDriver {
    /// The harness's `main`: SwiftPM points `main` at `<module>_main` in debug builds, so each
    /// harness defines that symbol and lands here, where libFuzzer takes over.
    public static func main(
        _ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?,
        _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt
    ) -> CInt {
        var count = argc
        var vector = argv
        return runDriver(&count, &vector, callback)
    }

    /// Feeds one input to the entry called `harness`; traps on a broken promise so libFuzzer
    /// saves the input.
    public static func test(_ harness: String, _ start: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
        let data = start.map { Data(bytes: $0, count: count) } ?? Data()
        do {
            if try FuzzEntryPoints.run(harness, data) { return 0 }
            guard try SiteFuzzEntryPoints.run(harness, data) else { fatalError("no harness called \(harness)") }
        } catch {
            fatalError("\(error)")
        }
        return 0
    }
}
