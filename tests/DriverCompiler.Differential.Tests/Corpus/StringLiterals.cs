// String literals passed to a C function: escapes, quotes, percent signs, empty, long and repeated.
namespace Corpus.StringLiterals;

public static unsafe class Program
{
    static void Say(string s) { Probe.Str(s); }

    public static void Run()
    {
        Probe.Str("plain");
        Probe.Str("");
        Probe.Str("tab\there");
        Probe.Str("quote \" and backslash \\ and apostrophe '");
        Probe.Str("percent %d %s %% %n stays literal");
        Probe.Str("trigraph-looking ??= ??/ stays");
        Probe.Str(@"verbatim \n is two characters");
        Probe.Str("/* not a comment */ // nor this");
        Say("through a parameter");
        for (int i = 0; i < 3; i++) Say(i == 1 ? "one" : "not one");
        Probe.Str("a somewhat longer message of the kind a driver prints when a device does not answer its reset");
        Probe.Str("hex \x41\x42 and unicode-free");
    }
}
