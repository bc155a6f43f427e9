using System.Diagnostics;

namespace Workshops.UnitTests.Deploy;

/// <summary>The systemd units in deploy/ are read by systemd itself: a typo in a directive fails here, not on a server.</summary>
public sealed class SystemdUnitTests
{
    [Theory]
    [InlineData("workshops.service")]
    [InlineData("workshops@.service")]
    public async Task The_unit_passes_systemd_analyze_verify(string unit)
    {
        var folder = Directory.CreateTempSubdirectory("units").FullName;
        try
        {
            var file = Path.Combine(Repository(), "deploy", "systemd", unit);
            // A template is verified as one of its instances, the way systemd would load it.
            var target = Path.Combine(folder, unit.Replace("@.", "@8081."));
            File.Copy(file, target);
            var start = new ProcessStartInfo("systemd-analyze") { RedirectStandardError = true, RedirectStandardOutput = true };
            start.ArgumentList.Add("verify");
            start.ArgumentList.Add(target);
            using var process = Process.Start(start)!;
            var errors = await process.StandardError.ReadToEndAsync();
            var output = await process.StandardOutput.ReadToEndAsync();
            await process.WaitForExitAsync();
            Assert.True(process.ExitCode == 0, $"systemd-analyze verify {unit}: {errors}{output}");
            // A warning is written but does not fail the command: none is wanted either.
            Assert.DoesNotContain(Path.GetFileName(target), errors);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static string Repository()
    {
        var here = new DirectoryInfo(AppContext.BaseDirectory);
        while (here is not null && !File.Exists(Path.Combine(here.FullName, "Workshops.sln"))) here = here.Parent;
        return here?.FullName ?? throw new InvalidOperationException("No Workshops.sln above the tests.");
    }
}
