import Foundation

/// The `cmath` module, MicroPython's set (py/modcmath.c): e, pi, phase, polar,
/// rect, exp, log, log10, sqrt, cos and sin, with the same formulas, so results
/// match the board's to the last digit.
extension Runtime {
    func installCmathModule() {
        registerNativeModule("cmath") { rt, module throws(PyError) in
            let d = module.dict
            d.setStr(rt.intern("e"), Value(float: M_E))
            d.setStr(rt.intern("pi"), Value(float: .pi))
            func one(_ name: String, _ body: @escaping (Double, Double) -> Value) {
                rt.moduleFunction(module, name) { rt, args throws(PyError) in
                    try args.expect(rt, name, 1, 1)
                    let (re, im) = try rt.cmathArgument(args[0])
                    return body(re, im)
                }
            }
            one("phase") { re, im in Value(float: atan2(im, re)) }
            one("polar") { re, im in rt.tuple([Value(float: (re * re + im * im).squareRoot()), Value(float: atan2(im, re))]) }
            one("exp") { re, im in
                let e = Foundation.exp(re)
                return rt.newComplex(e * cos(im), e * sin(im))
            }
            one("log") { re, im in rt.newComplex(0.5 * Foundation.log(re * re + im * im), atan2(im, re)) }
            one("log10") { re, im in
                rt.newComplex(0.5 * Foundation.log10(re * re + im * im), 0.4342944819032518 * atan2(im, re))
            }
            one("sqrt") { re, im in
                let r = pow(re * re + im * im, 0.25), theta = 0.5 * atan2(im, re)
                return rt.newComplex(r * cos(theta), r * sin(theta))
            }
            one("cos") { re, im in rt.newComplex(Foundation.cos(re) * cosh(im), -Foundation.sin(re) * sinh(im)) }
            one("sin") { re, im in rt.newComplex(Foundation.sin(re) * cosh(im), Foundation.cos(re) * sinh(im)) }
            rt.moduleFunction(module, "rect") { rt, args throws(PyError) in
                try args.expect(rt, "rect", 2, 2)
                let r = try rt.mathFloat(args[0]), phi = try rt.mathFloat(args[1])
                return rt.newComplex(r * cos(phi), r * sin(phi))
            }
        }
    }

    /// A cmath argument as (real, imag): a number, or an object with
    /// `__complex__` or `__float__` (py/obj.c, mp_obj_get_complex).
    func cmathArgument(_ v: Value) throws(PyError) -> (Double, Double) {
        if let parts = complexParts(v) { return parts }
        if v.isObject, let parts = try complexDunder(v) { return parts }
        return (try mathFloat(v), 0)
    }
}
