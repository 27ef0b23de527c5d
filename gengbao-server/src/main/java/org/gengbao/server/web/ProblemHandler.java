package org.gengbao.server.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import org.gengbao.spatial.SpatialInputException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.support.MissingServletRequestPartException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/** Turns every failure of a request into problem+json with a stable code and bilingual messages. */
@RestControllerAdvice
public class ProblemHandler {
    private static final Logger LOG = LoggerFactory.getLogger(ProblemHandler.class);

    /** A {@link Problem}; one with a place also gets {@code location: {x, y, crs}} (crs as named by the input). */
    @ExceptionHandler(Problem.class)
    ProblemDetail problem(Problem p, HttpServletRequest request) {
        ProblemDetail detail = ProblemWriter.detail(request, p.status(), p.code(), p.zh(), p.en());
        p.location().ifPresent(at -> {
            Map<String, Object> location = new LinkedHashMap<>();
            location.put("x", at.x());
            location.put("y", at.y());
            location.put("crs", at.crs());
            detail.setProperty("location", location);
        });
        p.properties().forEach(detail::setProperty);
        return detail;
    }

    @ExceptionHandler(SpatialInputException.class)
    ProblemDetail spatial(SpatialInputException e, HttpServletRequest request) {
        return problem(Problem.of(e), request);
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ProblemDetail unreadable(HttpMessageNotReadableException e, HttpServletRequest request) {
        return ProblemWriter.detail(
                request,
                HttpStatus.BAD_REQUEST,
                "BODY_MALFORMED",
                "请求正文不是有效的 JSON 或缺少必填内容",
                "The request body is not valid JSON or lacks required content");
    }

    @ExceptionHandler(MissingServletRequestParameterException.class)
    ProblemDetail missing(MissingServletRequestParameterException e, HttpServletRequest request) {
        String name = e.getParameterName();
        return ProblemWriter.detail(
                request,
                HttpStatus.BAD_REQUEST,
                "PARAMETER_MISSING",
                "缺少参数“" + name + "”",
                "The parameter \"" + name + "\" is missing");
    }

    /** A missing multipart part is a file that was not uploaded (the form field names it). */
    @ExceptionHandler(MissingServletRequestPartException.class)
    ProblemDetail missingPart(MissingServletRequestPartException e, HttpServletRequest request) {
        String name = e.getRequestPartName();
        return ProblemWriter.detail(
                request,
                HttpStatus.BAD_REQUEST,
                "PARAMETER_MISSING",
                "没有上传文件：请在表单字段“" + name + "”中附上要上传的文件",
                "No file was uploaded: attach the file as the form field \"" + name + "\"");
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ProblemDetail mismatch(MethodArgumentTypeMismatchException e, HttpServletRequest request) {
        return ProblemWriter.detail(
                request,
                HttpStatus.BAD_REQUEST,
                "PARAMETER_INVALID",
                "参数 " + e.getName() + " 的值“" + e.getValue() + "”无效",
                "The value \"" + e.getValue() + "\" of parameter " + e.getName() + " is invalid");
    }

    @ExceptionHandler(MaxUploadSizeExceededException.class)
    ProblemDetail tooLarge(MaxUploadSizeExceededException e, HttpServletRequest request) {
        return ProblemWriter.detail(
                request, HttpStatus.CONTENT_TOO_LARGE, "UPLOAD_TOO_LARGE", "上传的文件过大", "The upload is too large");
    }

    @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
    ProblemDetail method(HttpRequestMethodNotSupportedException e, HttpServletRequest request) {
        return ProblemWriter.detail(
                request,
                HttpStatus.METHOD_NOT_ALLOWED,
                "METHOD_NOT_ALLOWED",
                "此地址不支持 " + e.getMethod() + " 请求",
                "This address does not accept " + e.getMethod());
    }

    /** Names what the address accepts, so that the caller can correct the request. */
    @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
    ProblemDetail mediaType(HttpMediaTypeNotSupportedException e, HttpServletRequest request) {
        String accepted =
                e.getSupportedMediaTypes().stream().map(MediaType::toString).collect(Collectors.joining(", "));
        String zh = e.getContentType() == null ? "请求没有说明内容类型（Content-Type）" : "不支持的内容类型 " + e.getContentType();
        String en = e.getContentType() == null
                ? "The request does not say its content type (Content-Type)"
                : "Unsupported content type " + e.getContentType();
        return ProblemWriter.detail(
                request,
                HttpStatus.UNSUPPORTED_MEDIA_TYPE,
                "MEDIA_TYPE_UNSUPPORTED",
                zh + (accepted.isEmpty() ? "" : "；此地址接受 " + accepted),
                en + (accepted.isEmpty() ? "" : "; this address accepts " + accepted));
    }

    @ExceptionHandler(NoResourceFoundException.class)
    ProblemDetail notFound(NoResourceFoundException e, HttpServletRequest request) {
        return ProblemWriter.detail(request, HttpStatus.NOT_FOUND, "NOT_FOUND", "找不到请求的地址", "No such address");
    }

    @ExceptionHandler(AccessDeniedException.class)
    ProblemDetail denied(AccessDeniedException e, HttpServletRequest request) {
        return ProblemWriter.detail(
                request,
                HttpStatus.FORBIDDEN,
                "FORBIDDEN",
                "当前账号的角色无权执行此操作",
                "The role of this account does not allow this action");
    }

    /** Another request held the object too long (a lock wait timed out, or the database chose this one to undo). */
    @ExceptionHandler(org.springframework.dao.PessimisticLockingFailureException.class)
    ProblemDetail lockFailure(Exception e, HttpServletRequest request) {
        LOG.info("lock failure on {} {}: {}", request.getMethod(), request.getRequestURI(), e.getMessage());
        return ProblemWriter.detail(
                request,
                HttpStatus.CONFLICT,
                "CHANGED_CONCURRENTLY",
                "该对象正被其他请求修改，本次未作任何更改；请稍后重试",
                "Another request is changing this just now and nothing was changed; try again");
    }

    /** The client went away (a phone lost its signal) before the answer could be written: nobody to tell. */
    @ExceptionHandler(org.springframework.web.context.request.async.AsyncRequestNotUsableException.class)
    void clientGone(Exception e, HttpServletRequest request) {
        LOG.debug("client gone during {} {}: {}", request.getMethod(), request.getRequestURI(), e.getMessage());
    }

    @ExceptionHandler(Exception.class)
    ProblemDetail unexpected(Exception e, HttpServletRequest request) {
        LOG.error("unexpected error on {} {}", request.getMethod(), request.getRequestURI(), e);
        return ProblemWriter.detail(
                request,
                HttpStatus.INTERNAL_SERVER_ERROR,
                "INTERNAL_ERROR",
                "服务器内部错误，已记录日志；请稍后重试或联系管理员",
                "Internal server error (logged); try again later or contact the administrator");
    }
}
