namespace Workshops.EndToEndTests.Support;

/// <summary>
/// Files a walk keeps for people to look at afterwards (a page of each kind of PDF, rendered): under
/// $WORKSHOPS_ARTEFACTS when set (test.sh sets it to artefacts/ in the checkout), else beside the test assembly.
/// </summary>
public static class Artefacts
{
    public static string Save(string name, byte[] content)
    {
        var dir = Environment.GetEnvironmentVariable("WORKSHOPS_ARTEFACTS") is { Length: > 0 } set ? set : Path.Combine(AppContext.BaseDirectory, "artefacts");
        Directory.CreateDirectory(dir);
        var path = Path.Combine(dir, name);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllBytes(path, content);
        return path;
    }
}
