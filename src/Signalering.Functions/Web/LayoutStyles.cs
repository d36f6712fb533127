using System.Security.Cryptography;
using System.Text;

namespace Signalering.Functions.Web;

/// <summary>
/// Each layout's stylesheet (Web/Styles/*.css, embedded), inlined in every page of that layout. One sheet per layout,
/// never assembled from pieces, so its hash is fixed: the Content-Security-Policy allows exactly these inline styles.
/// </summary>
public static class LayoutStyles
{
    public static string Resident { get; } = Load("resident");
    public static string Staff { get; } = Load("staff");

    /// <summary>The CSP source expressions (<c>'sha256-…'</c>) of every layout's inline style.</summary>
    public static IReadOnlyList<string> Hashes { get; } = [Hash(Resident), Hash(Staff)];

    public static string Hash(string inline) => $"'sha256-{Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(inline)))}'";

    private static string Load(string name)
    {
        using var stream = typeof(LayoutStyles).Assembly.GetManifestResourceStream($"styles/{name}.css")
            ?? throw new InvalidOperationException($"Stylesheet {name}.css is not embedded.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
