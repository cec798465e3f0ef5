package se.uppfoljningsliggaren.deploy.web;

import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;

import java.io.IOException;
import java.io.Writer;

/**
 * Errors Tomcat answers itself, before any filter or servlet runs (a path with an encoded '/' or NUL, a request line
 * or header it cannot parse): problem+json like every other error of the API, instead of Tomcat's HTML page.
 */
public class ProblemErrorReportValve extends ErrorReportValve {

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        int status = response.getStatus();
        if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
            return;
        }
        HttpStatus known = HttpStatus.resolve(status);
        String reason = status == 400
                ? "the request could not be read: its path, headers or encoding are not valid HTTP"
                : known != null ? known.getReasonPhrase() : "error";
        try {
            response.setContentType("application/problem+json");
            response.setCharacterEncoding("UTF-8");
            Writer writer = response.getReporter();
            if (writer != null) {
                writer.write("{\"type\":\"about:blank\",\"title\":\"" + (known != null ? known.getReasonPhrase() : "Error")
                        + "\",\"status\":" + status + ",\"detail\":\"" + reason + "\",\"reason\":\"" + reason + "\"}");
                response.finishResponse();
            }
        } catch (IOException | IllegalStateException e) {
            // The client is gone or the response is closed: there is no one left to tell.
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class Installation {
        @Bean
        WebServerFactoryCustomizer<TomcatServletWebServerFactory> problemErrorReports() {
            return factory -> {
                factory.addContextCustomizers(context -> {
                    if (context.getParent() instanceof org.apache.catalina.core.StandardHost host) {
                        host.setErrorReportValveClass(ProblemErrorReportValve.class.getName());
                    }
                });
                // Tomcat would refuse TRACE with an empty body; let it through to BoundaryFilter, which refuses it
                // as problem+json like every other method the API does not take.
                factory.addConnectorCustomizers(connector -> connector.setAllowTrace(true));
            };
        }
    }
}
