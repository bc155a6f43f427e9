using System.Text;
using Workshops.Core.Storage;

namespace Workshops.UnitTests.Storage;

public sealed class LocalFileStoreTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "store-" + Guid.NewGuid().ToString("N"));

    [Fact]
    public async Task Same_content_is_stored_once_under_its_hash()
    {
        var store = new LocalFileStore(_root);
        var a = await store.PutAsync(new MemoryStream(Encoding.UTF8.GetBytes("slides")), 1024, default);
        var b = await store.PutAsync(new MemoryStream(Encoding.UTF8.GetBytes("slides")), 1024, default);

        Assert.Equal(a.Hash, b.Hash);
        Assert.Equal(6, a.Length);
        Assert.Single(Directory.GetFiles(_root, a.Hash, SearchOption.AllDirectories));
        await using var read = store.OpenRead(a.Hash)!;
        Assert.Equal("slides", await new StreamReader(read).ReadToEndAsync());
    }

    [Fact]
    public async Task Content_over_the_limit_is_refused_while_streaming_and_leaves_nothing_behind()
    {
        var store = new LocalFileStore(_root);

        var e = await Assert.ThrowsAsync<FileTooLargeException>(() => store.PutAsync(new MemoryStream(new byte[300_000]), 200_000, default));

        Assert.Equal(200_000, e.MaxBytes);
        Assert.Empty(Directory.Exists(_root) ? Directory.GetFiles(_root, "*", SearchOption.AllDirectories) : []);
    }

    [Theory]
    [InlineData("../../etc/passwd")]
    [InlineData("abc")]
    public void Names_that_are_not_hashes_find_nothing(string name)
    {
        var store = new LocalFileStore(_root);
        Assert.Null(store.OpenRead(name));
        Assert.False(store.Exists(name));
    }

    [Fact]
    public async Task Writable_check_leaves_nothing_behind()
    {
        var store = new LocalFileStore(_root);
        Assert.True(await store.IsWritableAsync(default));
        Assert.Empty(Directory.GetFiles(_root, "*", SearchOption.AllDirectories));
    }

    public void Dispose()
    {
        if (Directory.Exists(_root)) Directory.Delete(_root, true);
    }
}
