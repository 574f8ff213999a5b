package org.galley.registry.serde;

import java.util.HashMap;
import java.util.Map;
import org.apache.avro.Schema;
import org.apache.avro.specific.SpecificData;

/**
 * The {@link SpecificData} a deserializer reads with. Avro (1.12.1 on) refuses to load a class named
 * in a schema unless it is listed in JVM-wide system properties; this model instead knows the classes
 * of the named types (records, enums, fixed) of the reader's own generated class, taken from the
 * reader's schema, so generated Galley records read without any global setting. Any other name goes
 * through Avro's guarded lookup as usual, so nothing a writer's schema names becomes trusted.
 */
final class ReaderSpecificData extends SpecificData {

    private final Map<String, Class<?>> readerClasses = new HashMap<>();

    ReaderSpecificData(Class<?> readerType) {
        super(readerType.getClassLoader());
        SpecificData.getForClass(readerType).getConversions().forEach(this::addLogicalTypeConversion);
        collectClasses(SpecificData.getForClass(readerType).getSchema(readerType), readerType.getClassLoader());
    }

    @Override
    public Class getClass(Schema schema) {
        Class<?> known = schema.getFullName() == null ? null : readerClasses.get(schema.getFullName());
        return known != null ? known : super.getClass(schema);
    }

    private void collectClasses(Schema schema, ClassLoader loader) {
        switch (schema.getType()) {
            case RECORD -> {
                if (remember(schema, loader)) {
                    schema.getFields().forEach(field -> collectClasses(field.schema(), loader));
                }
            }
            case ENUM, FIXED -> remember(schema, loader);
            case ARRAY -> collectClasses(schema.getElementType(), loader);
            case MAP -> collectClasses(schema.getValueType(), loader);
            case UNION -> schema.getTypes().forEach(branch -> collectClasses(branch, loader));
            default -> {
                // primitives name no class
            }
        }
    }

    /** Records the class of a named type; false if it was already known (recursive schemas). */
    private boolean remember(Schema named, ClassLoader loader) {
        if (readerClasses.containsKey(named.getFullName())) {
            return false;
        }
        try {
            readerClasses.put(named.getFullName(), Class.forName(SpecificData.getClassName(named), false, loader));
        } catch (ClassNotFoundException generic) {
            // no generated class for this type: Avro reads it generically
        }
        return true;
    }
}
