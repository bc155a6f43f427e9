using System.Net.Http.Headers;
using Microsoft.Extensions.DependencyInjection;
using Workshops.Core.Domain.Accounts;
using Workshops.Web.Features.Account;

namespace Workshops.IntegrationTests.Support;

public static class ApiTokenData
{
    /// <summary>A token made as the tokens page makes it; its secret.</summary>
    public static async Task<string> TokenAsync(this AppFactory app, AppUser user, string[] scopes, Guid[]? workshops = null, int days = 30)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var result = await scope.ServiceProvider.GetRequiredService<ApiTokenDesk>().CreateAsync(user.Id,
            new ApiTokenRequest("test", scopes, workshops ?? [], DateOnly.FromDateTime(DateTime.UtcNow).AddDays(days)), default);
        Assert.True(result.Succeeded, result.Error);
        return result.Value!;
    }

    /// <summary>A client that sends the token, and no cookie.</summary>
    public static HttpClient ApiClient(this AppFactory app, string? token)
    {
        var client = app.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        if (token is not null) client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    public static Task<(HttpResponseMessage Response, System.Text.Json.Nodes.JsonNode? Json)> ApiPostAsync(this HttpClient client, string path, object body) =>
        client.ApiAsync(new HttpRequestMessage(HttpMethod.Post, path) { Content = System.Net.Http.Json.JsonContent.Create(body) });
}
