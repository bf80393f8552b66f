using System;
using System.Collections;
using System.Collections.Generic;
using System.Management.Automation;

namespace Mm2Dr.Conversion
{
    /// <summary>
    /// Crosses the line between PowerShell objects and the core's plain values: PSObjects become ordered
    /// name/value lists for JSON, and parsed JSON becomes PSCustomObjects, as ConvertFrom-Json would give.
    /// </summary>
    internal static class PowerShellValues
    {
        private const int MaxDepth = 16;

        /// <summary>A value the core serializer understands: strings and scalars as-is, objects as name/value lists.</summary>
        public static object? ToPlain(object? value) => ToPlain(value, 0);

        public static object? FromJson(object? value)
        {
            switch (value)
            {
                case List<KeyValuePair<string, object?>> map:
                    var pso = new PSObject();
                    foreach (var kv in map)
                    {
                        pso.Properties.Add(new PSNoteProperty(kv.Key, FromJson(kv.Value)));
                    }

                    return pso;
                case object?[] array:
                    var converted = new object?[array.Length];
                    for (var i = 0; i < array.Length; i++)
                    {
                        converted[i] = FromJson(array[i]);
                    }

                    return converted;
                default:
                    return value;
            }
        }

        private static object? ToPlain(object? value, int depth)
        {
            if (value is PSObject pso)
            {
                var baseObject = pso.BaseObject;
                if (baseObject is PSCustomObject || depth > MaxDepth)
                {
                    return depth > MaxDepth ? pso.ToString() : Properties(pso, depth);
                }

                if (IsScalar(baseObject))
                {
                    return baseObject;
                }

                value = baseObject;
            }

            switch (value)
            {
                case null:
                    return null;
                case var scalar when IsScalar(scalar):
                    return scalar;
                case IDictionary dictionary:
                    var map = new List<KeyValuePair<string, object?>>();
                    foreach (DictionaryEntry entry in dictionary)
                    {
                        map.Add(new KeyValuePair<string, object?>(Convert.ToString(entry.Key, System.Globalization.CultureInfo.InvariantCulture) ?? string.Empty, ToPlain(entry.Value, depth + 1)));
                    }

                    return map;
                case IEnumerable sequence:
                    var list = new List<object?>();
                    foreach (var item in sequence)
                    {
                        list.Add(ToPlain(item, depth + 1));
                    }

                    return list;
                default:
                    return depth > MaxDepth ? value.ToString() : Properties(PSObject.AsPSObject(value), depth);
            }
        }

        private static List<KeyValuePair<string, object?>> Properties(PSObject pso, int depth)
        {
            var map = new List<KeyValuePair<string, object?>>();
            foreach (var property in pso.Properties)
            {
                if (!property.IsGettable)
                {
                    continue;
                }

                object? v;
                try
                {
                    v = property.Value;
                }
                catch (GetValueException)
                {
                    continue;
                }

                map.Add(new KeyValuePair<string, object?>(property.Name, ToPlain(v, depth + 1)));
            }

            return map;
        }

        private static bool IsScalar(object? value)
            => value is string || value is byte[] || value is char || value is bool || value is DateTime || value is DateTimeOffset || value is Guid || value is Enum
               || value is TimeSpan || value is int || value is long || value is short || value is byte || value is sbyte || value is ushort || value is uint
               || value is ulong || value is float || value is double || value is decimal;
    }
}
