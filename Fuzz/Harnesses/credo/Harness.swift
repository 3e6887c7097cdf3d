import FuzzDriver

// libFuzzer harness "credo": see FuzzEntryPoints / SiteFuzzEntryPoints for what it feeds.

@_cdecl("LLVMFuzzerTestOneInput")
public func testOneInput(_ start: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
    FuzzDriver.test("credo", start, count)
}

@_cdecl("fuzz_credo_main")
public func harnessMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    FuzzDriver.main(argc, argv, testOneInput)
}
