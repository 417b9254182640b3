using System.Reflection;
using HandlebarsDotNet;

namespace DriverCompiler.Core.Templates;

/// <summary>
/// The one interface to the template engine (templates/ in the repository, embedded in this
/// assembly). Handlebars.Net implements it; the design card's Scriban would be one more class.
/// </summary>
public interface ITemplateEngine
{
    /// <summary>Renders <paramref name="name"/> (a path under templates/, e.g. <c>amigaos4/Makefile.hbs</c>) with <paramref name="model"/>.</summary>
    /// <exception cref="FileNotFoundException">No such template.</exception>
    string Render(string name, object model);
}

/// <summary>Handlebars.Net over the embedded templates; no HTML escaping (the output is C and make).</summary>
public sealed class HandlebarsTemplateEngine : ITemplateEngine
{
    public static readonly HandlebarsTemplateEngine Instance = new();
    private readonly IHandlebars handlebars = Handlebars.Create(new HandlebarsConfiguration { NoEscape = true });
    private readonly Dictionary<string, HandlebarsTemplate<object, object>> compiled = new(StringComparer.Ordinal);
    private readonly object gate = new();

    public string Render(string name, object model)
    {
        HandlebarsTemplate<object, object> t;
        lock (gate)
        {
            if (!compiled.TryGetValue(name, out t!))
                compiled[name] = t = handlebars.Compile(EmbeddedFiles.Read("templates/" + name));
        }
        return t(model).Replace("\r\n", "\n");
    }
}

/// <summary>Files of the repository embedded in this assembly: templates/ and runtime-headers/.</summary>
public static class EmbeddedFiles
{
    private static readonly Assembly Assembly = typeof(EmbeddedFiles).Assembly;

    /// <summary>Text of an embedded file by its repository path, e.g. <c>runtime-headers/drv/amix.h</c>.</summary>
    public static string Read(string path)
    {
        using var s = Assembly.GetManifestResourceStream(path) ?? throw new FileNotFoundException("no embedded file " + path);
        using var r = new StreamReader(s);
        return r.ReadToEnd().Replace("\r\n", "\n");
    }

    /// <summary>Embedded paths under <paramref name="folder"/>, in ordinal order.</summary>
    public static IEnumerable<string> List(string folder) =>
        Assembly.GetManifestResourceNames().Where(n => n.StartsWith(folder + "/", StringComparison.Ordinal)).OrderBy(n => n, StringComparer.Ordinal);
}
