using System.Net;
using Microsoft.EntityFrameworkCore;
using Workshops.Core.Domain.Accounts;
using Workshops.IntegrationTests.Support;

namespace Workshops.IntegrationTests.Features.Materials;

public sealed class SmallUploadsApp : AppFactory
{
    protected override IEnumerable<KeyValuePair<string, string?>> Settings() => [new("Storage:MaxUploadMegabytes", "1")];
}

public sealed class UploadLimitTests(SmallUploadsApp app) : IClassFixture<SmallUploadsApp>
{
    [Theory]
    [InlineData(1024 * 1024 + 100 * 1024)]   // the body is within the form's slack: the store stops it while streaming
    [InlineData(3 * 1024 * 1024)]            // the body says it is too large: refused before it is read
    public async Task An_upload_over_the_limit_gets_413_and_nothing_is_written(int size)
    {
        var workshop = await app.AddWorkshopAsync($"l-{Guid.NewGuid():N}"[..20]);
        var organiser = await app.BrowserAs(Roles.Organiser);
        var big = new byte[size];
        "%PDF-1.7\n"u8.CopyTo(big);
        var response = await organiser.PostUploadAsync($"/materials/new?workshop={workshop.Id}",
            new() { ["Input.Title"] = "Huge scan", ["Input.Type"] = "Paper", ["Input.Visibility"] = "Public" }, ("Upload", "scan.pdf", big));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        var body = await response.BodyAsync();
        Assert.True(body.Contains("1 MB"), body);
        Assert.Empty(app.StoredFiles());
        Assert.False(await app.WithDb(db => db.Materials.AnyAsync(m => m.WorkshopId == workshop.Id)));
    }
}

/// <summary>The large upload limit applies only to the pages that take files, and only after authorization.</summary>
public sealed class RequestBodyLimitTests(AppFactory app) : IClassFixture<AppFactory>
{
    private const long FortyMegabytes = 40L * 1024 * 1024;

    [Theory]
    [InlineData("/account/signin")]
    [InlineData("/account/signup")]
    [InlineData("/archive")]
    public async Task A_40_MB_body_sent_to_a_form_without_files_is_refused_before_it_is_read(string path)
    {
        var body = new CountingStream(FortyMegabytes);
        var response = await app.Browser().PostAsync(path, Multipart(body));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.True(body.Consumed < 1024 * 1024, $"{body.Consumed} bytes were read");
    }

    [Fact]
    public async Task A_stranger_cannot_send_a_large_upload_to_the_upload_page()
    {
        var workshop = await app.AddWorkshopAsync($"u-{Guid.NewGuid():N}"[..20]);
        var body = new CountingStream(FortyMegabytes);
        var response = await app.Browser().PostAsync($"/materials/new?workshop={workshop.Id}", Multipart(body));

        // Sent to sign in, without the site reading what came.
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("/account/signin", response.Headers.Location!.ToString());
        Assert.True(body.Consumed < 1024 * 1024, $"{body.Consumed} bytes were read");
    }

    private static StreamContent Multipart(Stream body)
    {
        var content = new StreamContent(body);
        content.Headers.ContentType = System.Net.Http.Headers.MediaTypeHeaderValue.Parse("multipart/form-data; boundary=xyz");
        content.Headers.ContentLength = body.Length;
        return content;
    }

    /// <summary>Zeros of a given length that count how much of them the site asked for.</summary>
    private sealed class CountingStream(long length) : Stream
    {
        public long Consumed { get; private set; }
        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => length;
        public override long Position { get => Consumed; set => throw new NotSupportedException(); }
        public override void Flush() { }
        public override int Read(byte[] buffer, int offset, int count)
        {
            var n = (int)Math.Min(count, length - Consumed);
            Array.Clear(buffer, offset, n);
            Consumed += n;
            return n;
        }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
