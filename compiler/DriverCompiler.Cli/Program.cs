namespace DriverCompiler.Cli;

internal static class Program
{
    private static int Main(string[] args) => Drvc.Run(args, Console.Out, Console.Error);
}
