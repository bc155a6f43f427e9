using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace Workshops.Web.Infrastructure;

/// <summary>
/// A yes/no field that came back as something else ("maybe") is refused with a message like any other bad value.
/// MVC's own binder leaves the bad text in the form's state, and the checkbox helper then throws while drawing the
/// form again (a 500 for a tampered RememberMe); here the state holds "false", so the form comes back with its message.
/// </summary>
public sealed class BooleanBinderProvider : IModelBinderProvider
{
    public IModelBinder? GetBinder(ModelBinderProviderContext context) =>
        context.Metadata.UnderlyingOrModelType == typeof(bool) ? new BooleanBinder() : null;

    private sealed class BooleanBinder : IModelBinder
    {
        public Task BindModelAsync(ModelBindingContext context)
        {
            var result = context.ValueProvider.GetValue(context.ModelName);
            if (result == ValueProviderResult.None) return Task.CompletedTask;
            context.ModelState.SetModelValue(context.ModelName, result);
            // A checkbox sends "true" and its hidden twin "false"; the first one decides, as MVC does.
            var first = result.FirstValue;
            if (string.IsNullOrEmpty(first))
            {
                if (!context.ModelMetadata.IsReferenceOrNullableType)
                {
                    context.ModelState.SetModelValue(context.ModelName, new ValueProviderResult("false"));
                    context.ModelState.TryAddModelError(context.ModelName, Tr.T("Choose yes or no."));
                }
                else context.Result = ModelBindingResult.Success(null);
                return Task.CompletedTask;
            }
            if (bool.TryParse(first, out var value))
            {
                context.Result = ModelBindingResult.Success(value);
                return Task.CompletedTask;
            }
            context.ModelState.SetModelValue(context.ModelName, new ValueProviderResult("false"));
            context.ModelState.TryAddModelError(context.ModelName, Tr.T("Choose yes or no."));
            return Task.CompletedTask;
        }
    }
}
