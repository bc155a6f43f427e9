using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Workshops.Core.Domain.Accounts;
using Workshops.IntegrationTests.Support;

namespace Workshops.IntegrationTests.Features.Security;

/// <summary>
/// Nobody learns from sign-in whether an address has an account: the answer is the same, and an unknown address
/// costs the same password hashing as a known one, by design (counted here, not timed).
/// </summary>
public sealed class EnumerationTests(EnumerationTests.Factory app) : IClassFixture<EnumerationTests.Factory>
{
    public sealed class Factory : AppFactory
    {
        public CountingHasher Hasher { get; } = new();

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureServices(s => s.Replace(ServiceDescriptor.Singleton<IPasswordHasher<AppUser>>(Hasher)));
        }
    }

    public sealed class CountingHasher : IPasswordHasher<AppUser>
    {
        private readonly PasswordHasher<AppUser> _real = new();
        private int _verifications;
        public int Verifications => _verifications;

        public string HashPassword(AppUser user, string password) => _real.HashPassword(user, password);

        public PasswordVerificationResult VerifyHashedPassword(AppUser user, string hashedPassword, string providedPassword)
        {
            Interlocked.Increment(ref _verifications);
            return _real.VerifyHashedPassword(user, hashedPassword, providedPassword);
        }
    }

    private async Task<(HttpStatusCode Status, string Errors, int Hashings)> SignInAsync(string email)
    {
        var client = app.Browser();
        await client.GetAsync("/account/signin");
        var before = app.Hasher.Verifications;
        var response = await client.PostFormAsync("/account/signin", new() { ["Input.Email"] = email, ["Input.Password"] = "not the right password" });
        return (response.StatusCode, Forms.Errors(await response.BodyAsync()), app.Hasher.Verifications - before);
    }

    [Fact]
    public async Task An_unknown_address_gets_the_same_answer_and_the_same_hashing_as_a_wrong_password()
    {
        var member = await app.CreateUserAsync();

        var known = await SignInAsync(member.Email!);
        var unknown = await SignInAsync($"nobody-{Guid.NewGuid():N}@example.org");

        Assert.Equal(known.Status, unknown.Status);
        Assert.Equal(known.Errors, unknown.Errors);
        Assert.Equal(1, known.Hashings);
        Assert.Equal(known.Hashings, unknown.Hashings);
    }

    [Theory]
    [InlineData("unconfirmed")]
    [InlineData("disabled")]
    [InlineData("locked")]
    public async Task An_account_that_cannot_sign_in_answers_a_wrong_password_like_an_unknown_address(string state)
    {
        var member = await app.CreateUserAsync(confirmed: state != "unconfirmed");
        await app.WithDb(db => state switch
        {
            "disabled" => db.Users.Where(u => u.Id == member.Id).ExecuteUpdateAsync(u => u.SetProperty(x => x.DisabledAt, DateTimeOffset.UtcNow)),
            "locked" => db.Users.Where(u => u.Id == member.Id).ExecuteUpdateAsync(u => u.SetProperty(x => x.LockoutEnd, DateTimeOffset.UtcNow.AddMinutes(15))),
            _ => Task.FromResult(0),
        });

        var known = await SignInAsync(member.Email!);
        var unknown = await SignInAsync($"nobody-{Guid.NewGuid():N}@example.org");

        Assert.Equal(unknown.Status, known.Status);
        Assert.Equal(unknown.Errors, known.Errors);
        Assert.Equal(unknown.Hashings, known.Hashings);
    }

    [Fact]
    public async Task Forgot_password_and_resend_answer_alike_for_any_address()
    {
        var member = await app.CreateUserAsync();
        foreach (var path in new[] { "/account/forgot-password", "/account/resend-confirmation" })
        {
            var known = await app.Browser().PostFormAsync(path, new() { ["Email"] = member.Email! });
            var unknown = await app.Browser().PostFormAsync(path, new() { ["Email"] = $"nobody-{Guid.NewGuid():N}@example.org" });
            Assert.Equal(HttpStatusCode.Redirect, known.StatusCode);
            Assert.Equal(known.StatusCode, unknown.StatusCode);
            Assert.Equal(known.Headers.Location!.AbsolutePath(), unknown.Headers.Location!.AbsolutePath());
        }
    }
}

internal static class UriPaths
{
    public static string AbsolutePath(this Uri uri) => uri.IsAbsoluteUri ? uri.AbsolutePath : uri.OriginalString.Split('?')[0];
}
