package org.gengbao.server.web;

import jakarta.servlet.http.HttpServletRequest;
import org.gengbao.spatial.SpatialInputException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
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

    @ExceptionHandler(Problem.class)
    ProblemDetail problem(Problem p, HttpServletRequest request) {
        return ProblemWriter.detail(request, p.status(), p.code(), p.zh(), p.en());
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

    @ExceptionHandler({MissingServletRequestParameterException.class, MissingServletRequestPartException.class})
    ProblemDetail missing(Exception e, HttpServletRequest request) {
        String name = e instanceof MissingServletRequestParameterException m
                ? m.getParameterName()
                : ((MissingServletRequestPartException) e).getRequestPartName();
        return ProblemWriter.detail(
                request,
                HttpStatus.BAD_REQUEST,
                "PARAMETER_MISSING",
                "缺少参数 " + name,
                "The parameter " + name + " is missing");
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

    @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
    ProblemDetail mediaType(HttpMediaTypeNotSupportedException e, HttpServletRequest request) {
        return ProblemWriter.detail(
                request,
                HttpStatus.UNSUPPORTED_MEDIA_TYPE,
                "MEDIA_TYPE_UNSUPPORTED",
                "不支持的内容类型 " + e.getContentType(),
                "Unsupported content type " + e.getContentType());
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
