package se.uppfoljningsliggaren.command.web;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a write that answers 201 with a Location (it passes a location to {@link CommandDispatcher}); every other
 * write answers 200. The OpenAPI document reads it, see {@link WriteApiDocumentation}.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
@interface CreatesResource {
}
