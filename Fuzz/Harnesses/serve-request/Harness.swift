import FuzzDriver

// libFuzzer harness "serve-request": see FuzzEntryPoints / SiteFuzzEntryPoints for what it feeds.

@_cdecl("LLVMFuzzerTestOneInput")
public func testOneInput(_ start: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
    FuzzDriver.test("serve-request", start, count)
}

@_cdecl("fuzz_serve_request_main")
public func harnessMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    FuzzDriver.main(argc, argv, testOneInput)
}
