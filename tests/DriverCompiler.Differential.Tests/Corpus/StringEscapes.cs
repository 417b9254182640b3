// String literals whose bytes C must see as escapes: a control byte right before a digit (an octal escape
// that lost a digit would swallow it: "\0077" is BEL then '7', "\77" is '?'), carriage return, the last
// control byte and DEL beside printable neighbours, and the printable edges (space and tilde) themselves.
namespace Corpus.StringEscapes;

public static unsafe class Program
{
    const string AfterBell = "\a7 bell then seven";

    public static void Run()
    {
        Probe.Str(AfterBell);
        Probe.Str("\u00021 start of text then one");
        Probe.Str("x\u001f0 unit separator then zero");
        Probe.Str("\u007f7 delete then seven");
        Probe.Str("cr\rmid-line");
        Probe.Str(" ~ space and tilde at the edges of printable ~ ");
        Probe.Str("vertical\vtab and form\ffeed");
    }
}
