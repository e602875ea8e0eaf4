/// Registers the modules written in Swift that every runtime offers. Each
/// module lives in its own file (`MathModule.swift`...), one install call here.
extension Runtime {
    func installStandardModules() {
        installMathModule()
        installReModule()
        installCollectionsModule()
        installFunctoolsModule()
        installItertoolsModule()
        installHeapqModule()
        installArrayModule()
        installIOModule()
        installOSModule()
        installGCModule()
        installMicroPythonModule()
        installSelectModule()
        installTimeModule()
        installErrnoModule()
        installRandomModule()
        installBinasciiModule()
        installHashlibModule()
        installStructModule()
        installJSONModule()
        installSocketModule()
        installFrozenModules()
    }
}
