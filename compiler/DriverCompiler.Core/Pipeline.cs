namespace DriverCompiler.Core;
internal static class Pipeline
{
    public static CompileResult Run(DriverCompilation c, BuildOptions o, bool emit) => throw new NotImplementedException();
}
