using System;
using System.Collections;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Reflection;
using System.Text;
using System.Text.Json;

namespace Mm2Dr.Core.Serialization
{
    /// <summary>
    /// Turns a value into message bytes: bytes as-is, strings and scalars as UTF-8 text, everything else as JSON.
    /// The cmdlet layer hands PowerShell objects over as dictionaries and lists, so no PowerShell type reaches here.
    /// </summary>
    public static class MessageSerializer
    {
        public const int MaxDepth = 32;

        private static readonly JsonWriterOptions WriterOptions = new JsonWriterOptions { Indented = false, SkipValidation = false };

        public static byte[]? ToBytes(object? value)
        {
            switch (value)
            {
                case null:
                    return null;
                case byte[] bytes:
                    return bytes;
                case string s:
                    return Encoding.UTF8.GetBytes(s);
                case char c:
                    return Encoding.UTF8.GetBytes(c.ToString());
                case bool b:
                    return Encoding.UTF8.GetBytes(b ? "true" : "false");
                case DateTime dt:
                    return Encoding.UTF8.GetBytes(dt.ToString("o", CultureInfo.InvariantCulture));
                case DateTimeOffset dto:
                    return Encoding.UTF8.GetBytes(dto.ToString("o", CultureInfo.InvariantCulture));
                case Guid g:
                    return Encoding.UTF8.GetBytes(g.ToString());
                case IFormattable f when IsNumber(value):
                    return Encoding.UTF8.GetBytes(f.ToString(null, CultureInfo.InvariantCulture));
                default:
                    return ToJson(value);
            }
        }

        public static byte[] ToJson(object? value)
        {
            using var stream = new MemoryStream();
            using (var writer = new Utf8JsonWriter(stream, WriterOptions))
            {
                Write(writer, value, 0);
            }

            return stream.ToArray();
        }

        public static string ToJsonString(object? value) => Encoding.UTF8.GetString(ToJson(value));

        private static void Write(Utf8JsonWriter writer, object? value, int depth)
        {
            if (depth > MaxDepth)
            {
                // Deep graphs are usually cycles (e.g. a FileInfo's Directory.Parent...); cut like ConvertTo-Json does.
                writer.WriteStringValue(Convert.ToString(value, CultureInfo.InvariantCulture));
                return;
            }

            switch (value)
            {
                case null:
                    writer.WriteNullValue();
                    return;
                case string s:
                    writer.WriteStringValue(s);
                    return;
                case bool b:
                    writer.WriteBooleanValue(b);
                    return;
                case char c:
                    writer.WriteStringValue(c.ToString());
                    return;
                case byte[] bytes:
                    writer.WriteBase64StringValue(bytes);
                    return;
                case DateTime dt:
                    writer.WriteStringValue(dt);
                    return;
                case DateTimeOffset dto:
                    writer.WriteStringValue(dto);
                    return;
                case Guid g:
                    writer.WriteStringValue(g);
                    return;
                case Enum e:
                    writer.WriteStringValue(e.ToString());
                    return;
                case TimeSpan ts:
                    writer.WriteStringValue(ts.ToString("c", CultureInfo.InvariantCulture));
                    return;
                case int i:
                    writer.WriteNumberValue(i);
                    return;
                case long l:
                    writer.WriteNumberValue(l);
                    return;
                case double d when double.IsNaN(d) || double.IsInfinity(d):
                    writer.WriteStringValue(d.ToString(CultureInfo.InvariantCulture));
                    return;
                case double d:
                    writer.WriteNumberValue(d);
                    return;
                case float f when float.IsNaN(f) || float.IsInfinity(f):
                    writer.WriteStringValue(f.ToString(CultureInfo.InvariantCulture));
                    return;
                case float f:
                    writer.WriteNumberValue(f);
                    return;
                case decimal m:
                    writer.WriteNumberValue(m);
                    return;
                case short or ushort or byte or sbyte or uint:
                    writer.WriteNumberValue(Convert.ToInt64(value, CultureInfo.InvariantCulture));
                    return;
                case ulong ul:
                    writer.WriteNumberValue(ul);
                    return;
                case IDictionary dictionary:
                    writer.WriteStartObject();
                    foreach (DictionaryEntry entry in dictionary)
                    {
                        writer.WritePropertyName(Convert.ToString(entry.Key, CultureInfo.InvariantCulture) ?? string.Empty);
                        Write(writer, entry.Value, depth + 1);
                    }

                    writer.WriteEndObject();
                    return;
                case IEnumerable<KeyValuePair<string, object?>> pairs:
                    writer.WriteStartObject();
                    foreach (var kv in pairs)
                    {
                        writer.WritePropertyName(kv.Key);
                        Write(writer, kv.Value, depth + 1);
                    }

                    writer.WriteEndObject();
                    return;
                case IEnumerable sequence:
                    writer.WriteStartArray();
                    foreach (var item in sequence)
                    {
                        Write(writer, item, depth + 1);
                    }

                    writer.WriteEndArray();
                    return;
                default:
                    WriteObject(writer, value, depth);
                    return;
            }
        }

        private static void WriteObject(Utf8JsonWriter writer, object value, int depth)
        {
            writer.WriteStartObject();
            foreach (var property in value.GetType().GetProperties(BindingFlags.Public | BindingFlags.Instance))
            {
                if (property.GetIndexParameters().Length != 0 || !property.CanRead)
                {
                    continue;
                }

                object? propertyValue;
                try
                {
                    propertyValue = property.GetValue(value);
                }
                catch (TargetInvocationException)
                {
                    continue;
                }

                writer.WritePropertyName(property.Name);
                Write(writer, propertyValue, depth + 1);
            }

            writer.WriteEndObject();
        }

        private static bool IsNumber(object value)
            => value is int || value is long || value is short || value is byte || value is sbyte || value is ushort || value is uint
               || value is ulong || value is float || value is double || value is decimal;
    }
}
