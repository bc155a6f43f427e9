using Workshops.Web.Infrastructure;

namespace Workshops.IntegrationTests.Infrastructure;

/// <summary>Which mappings a quiet site hands back, and that the kernel really takes their pages.</summary>
public sealed class MappedFilesTests
{
    [Theory]
    [InlineData("7f1c2a000000-7f1c2a200000 r--s 00000000 08:01 1311 /usr/share/dotnet/shared/Microsoft.NETCore.App/10.0.0/System.Private.CoreLib.dll", 0x200000)]
    [InlineData("7f1c2b000000-7f1c2b001000 r-xp 00001000 08:01 1312 /usr/share/dotnet/shared/Microsoft.NETCore.App/10.0.0/libcoreclr.so", 0x1000)]
    [InlineData("7f1c2c000000-7f1c2c004000 rw-p 00010000 08:01 1313 /usr/lib/x86_64-linux-gnu/libicuuc.so.72.1", 0x4000)]
    [InlineData("7f1c2d000000-7f1c2d100000 r--s 00000000 08:01 1314 /var/lib/workshops/workshops.db", 0x100000)]
    public void Takes_files_the_process_only_reads(string line, long length)
    {
        Assert.True(MappedFiles.TryParse(line, out var start, out var spanned));
        Assert.Equal(0, (long)(start % 4096));
        Assert.Equal(length, (long)spanned);
    }

    [Theory]
    [InlineData("7f1c2e000000-7f1c2e008000 rw-s 00000000 08:01 1315 /var/lib/workshops/workshops.db-shm")]   // SQLite writes it
    [InlineData("7f1c2f000000-7f1c30000000 rwxs 00000000 00:01 2048 /memfd:doublemapper (deleted)")]   // the runtime's code and types
    [InlineData("7f1c31000000-7f1c31021000 rw-p 00000000 00:00 0 ")]   // anonymous: the heaps
    [InlineData("7ffd5a000000-7ffd5a021000 rw-p 00000000 00:00 0 [stack]")]
    [InlineData("7f1c32000000-7f1c32001000 r--p 00000000 08:01 1316 /tmp/replaced.dll (deleted)")]
    [InlineData("not a mapping")]
    [InlineData("7f1c33000000-7f1c32000000 r--p 00000000 08:01 1317 /usr/lib/backwards.so")]
    public void Leaves_written_anonymous_and_malformed_mappings_alone(string line) =>
        Assert.False(MappedFiles.TryParse(line, out _, out _));

    [Fact]
    public void The_kernel_takes_back_the_pages_of_this_process_files()
    {
        Assert.True(OperatingSystem.IsLinux(), "the page-out is for Linux, where the site runs");
        var before = ResidentFileKilobytes();
        var spanned = MappedFiles.PageOut();
        var after = ResidentFileKilobytes();
        Assert.True(spanned > 0, "no file mapping was advised");
        // Other tests run beside this one and read some pages back at once; most stay out.
        Assert.True(after < before, $"resident file pages went from {before} kB to {after} kB");
    }

    private static long ResidentFileKilobytes() =>
        long.Parse(File.ReadLines("/proc/self/status").Single(l => l.StartsWith("RssFile:", StringComparison.Ordinal)).Split(' ', StringSplitOptions.RemoveEmptyEntries)[1]);
}
