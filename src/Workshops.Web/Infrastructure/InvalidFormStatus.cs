using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Workshops.Web.Infrastructure;

/// <summary>
/// A form posted with mistakes comes back with its messages and status 422, so scripts, tests and monitoring
/// can tell a refused submission from a saved one without reading the page.
/// </summary>
public sealed class InvalidFormStatus : IAsyncPageFilter
{
    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        var executed = await next();
        var response = context.HttpContext.Response;
        if (HttpMethods.IsPost(context.HttpContext.Request.Method)
            && executed.Result is PageResult
            && !executed.ModelState.IsValid
            && response.StatusCode == StatusCodes.Status200OK)
            response.StatusCode = StatusCodes.Status422UnprocessableEntity;
    }
}
